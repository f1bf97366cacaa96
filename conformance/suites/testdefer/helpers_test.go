package testdefer

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// TestShow checks that show renders values as the prelude's show does; the
// expected strings were printed by the prelude's show under /usr/bin/python3
// (Twisted 22.4).
func TestShow(t *testing.T) {
	fe := &deferred.FirstErrorValue{SubFailure: twisted.NewFailure(twisted.ValueError.New("v")), Index: 3}
	for _, c := range []struct {
		value any
		want  string
	}{
		{nil, "None"},
		{twisted.None, "None"},
		{true, "True"},
		{3, "3"},
		{1.5, "1.5"},
		{"a'b", `"a'b"`},
		{"<Deferred at 0x7f00ab>", "'<Deferred at 0x?>'"},
		{twisted.Tuple{1}, "(1,)"},
		{twisted.Tuple{}, "()"},
		{[]any{1, twisted.Tuple{2, "x"}}, "[1, (2, 'x')]"},
		{map[string]any{"b": 1, "a": []any{nil}}, "{'a': [None], 'b': 1}"},
		{twisted.ValueError.New("bad", 2), "ValueError('bad', 2)"},
		{twisted.KeyError.New("k"), "KeyError('k')"},
		{twisted.ZeroDivisionError.New(), "ZeroDivisionError()"},
		{twisted.NewFailure(GenericError.New("boom")), "Failure(GenericError: boom)"},
		{twisted.NewFailure(twisted.RuntimeError.New()), "Failure(RuntimeError)"},
		{GenericError, "GenericError"},
		{object(), "<object>"},
		{deferred.New(), "<Deferred>"},
		{fe, "FirstError(Failure(ValueError: v), 3)"},
		{twisted.NewFailure(fe), "Failure(FirstError(Failure(ValueError: v), 3))"},
		{getDivisionFailure(), "Failure(ZeroDivisionError: division by zero)"},
	} {
		if got := show(c.value); got != c.want {
			t.Errorf("show(%#v) = %s, want %s", c.value, got, c.want)
		}
	}
}

// TestPyEqual checks pyEqual, pyIs and truth against Python's ==, is and
// bool.
func TestPyEqual(t *testing.T) {
	e := twisted.ValueError.New("x")
	o := object()
	for _, c := range []struct {
		a, b   any
		eq, is bool
		desc   string
	}{
		{1, 1, true, true, "1 == 1"},
		{1, 1.0, true, false, "1 == 1.0"},
		{true, 1, true, false, "True == 1"},
		{"a", "a", true, true, "'a' == 'a'"},
		{twisted.Tuple{1}, []any{1}, false, false, "(1,) != [1]"},
		{[]any{1, "a"}, list[any]{1, "a"}, true, false, "lists"},
		{[]any{}, list[*twisted.Failure]{}, true, false, "empty lists"},
		{map[string]any{"a": 1}, map[string]any{"a": 1}, true, false, "dicts"},
		{e, twisted.ValueError.New("x"), false, false, "exceptions compare by identity"},
		{e, e, true, true, "the same exception"},
		{o, object(), false, false, "objects compare by identity"},
		{nil, twisted.None, true, true, "None"},
		{(*deferred.Deferred)(nil), nil, true, true, "a nil pointer is None"},
		{nil, 0, false, false, "None != 0"},
	} {
		if got := pyEqual(c.a, c.b); got != c.eq {
			t.Errorf("%s: pyEqual = %v", c.desc, got)
		}
		if got := pyIs(c.a, c.b); got != c.is {
			t.Errorf("%s: pyIs = %v", c.desc, got)
		}
	}
	for _, c := range []struct {
		x    any
		want bool
	}{{nil, false}, {0, false}, {"", false}, {[]any{}, false}, {twisted.Tuple{0}, true}, {GenericError, true}, {(*twisted.Class)(nil), false}, {2, true}} {
		if got := truth(c.x); got != c.want {
			t.Errorf("truth(%#v) = %v", c.x, got)
		}
	}
}
