package pyunit

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

type Thing struct{}

// TestShow checks Show against what the prelude's show() printed for the
// same values under python3 (recorded by hand from a run of the prelude).
func TestShow(t *testing.T) {
	tenth, fifth := 0.1, 0.2 // float64 sums, not Go's exact constants
	tests := []struct {
		v    any
		want string
	}{
		{nil, "None"},
		{true, "True"},
		{0, "0"},
		{0.0, "0.0"},
		{2.5, "2.5"},
		{1e16, "1e+16"},
		{tenth + fifth, "0.30000000000000004"},
		{"it's", `"it's"`},
		{[]any{1, "a"}, "[1, 'a']"},
		{twisted.Tuple{1}, "(1,)"},
		{twisted.Tuple{}, "()"},
		{map[string]int{"b": 1, "a": 2}, "{'a': 2, 'b': 1}"},
		{map[int]struct{}{3: {}, 1: {}}, "{1, 3}"},
		{twisted.RuntimeError.New(), "RuntimeError()"},
		{twisted.ValueError.New("x", 1), "ValueError('x', 1)"},
		{twisted.NewFailure(twisted.KeyError.New("k")), "<Failure KeyError('k')>"},
		{twisted.KeyError, "KeyError"},
		{deferred.New(), "<Deferred>"},
		{deferred.Succeed([]any{1}), "<Deferred current result: [1]>"},
		{&Thing{}, "<Thing>"},
	}
	for _, tt := range tests {
		if got := Show(tt.v); got != tt.want {
			t.Errorf("Show(%#v) = %s, want %s", tt.v, got, tt.want)
		}
	}
}

// TestEqual checks Equal against Python's == (0 == 0.0, [1] != (1,),
// [0, 2.5] == [0.0, 2.5], True == 1, None != 0).
func TestEqual(t *testing.T) {
	tests := []struct {
		a, b any
		want bool
	}{
		{0, 0.0, true},
		{[]any{1}, twisted.Tuple{1}, false},
		{[]any{0, 2.5}, []any{0.0, 2.5}, true},
		{true, 1, true},
		{nil, 0, false},
	}
	for _, tt := range tests {
		if got := Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("Equal(%#v, %#v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// Dicts are shown as the prelude's show() sorts them: by the shown key,
// then the shown value (python3: show({1: 'a', 10: 'b', 2: 'c'})).
func TestShowDictOrder(t *testing.T) {
	if got, want := Show(map[int]string{1: "a", 10: "b", 2: "c"}), "{1: 'a', 10: 'b', 2: 'c'}"; got != want {
		t.Errorf("Show = %s, want %s", got, want)
	}
}

// Maps with keys of other types are not equal, as in Python, rather than
// a panic.
func TestEqualMapsOfOtherKeys(t *testing.T) {
	if Equal(map[string]int{"a": 1}, map[int]int{1: 1}) {
		t.Error("equal")
	}
	if !Equal(map[any]any{"a": 1}, map[string]int{"a": 1}) {
		t.Error("not equal")
	}
}

// Strings and large integers are shown as Python 3 prints them (the
// expected values are python3's repr of the same objects).
func TestShowPython3Str(t *testing.T) {
	for in, want := range map[any]string{
		"é":              `'é'`,
		"tab\there":      `'tab\there'`,
		"it's":           `"it's"`,
		`both ' and "`:   `'both \' and "'`,
		"\x00\x7f\u0085": `'\x00\x7f\x85'`,
		"\u200b":         `'\u200b'`,
		"\U0001f600":     "'\U0001f600'",
		uint64(1 << 63):  "9223372036854775808",
	} {
		if got := Show(in); got != want {
			t.Errorf("Show(%q) = %s, want %s", in, got, want)
		}
	}
}

// Bytes are shown as Python 3's repr of bytes (b'...').
func TestShowBytes(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want string
	}{
		{[]byte("a'b"), `b"a'b"`},
		{[]byte(`it's "x"`), `b'it\'s "x"'`},
		{[]byte("\x00\xff\\\r\n\t~"), `b'\x00\xff\\\r\n\t~'`},
		{[]byte{}, `b''`},
	} {
		if got := Show(c.in); got != c.want {
			t.Errorf("Show(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
