package twisted

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
)

// reprCases are the Go twins of the values in testdata/repr_cases.py; the
// expected reprs are Python 2.7's, recorded in testdata/repr.golden.
var reprCases = map[string]any{
	"none": None, "true": true, "false": false,
	"zero": 0, "negative": -42, "bigint": int64(1234567890123),
	"float_half": 0.5, "float_whole": 1.0, "float_tenth": 0.1, "float_third": 1.0 / 3,
	"float_big": 1e16, "float_below_big": 1e15, "float_small": 0.0001, "float_smaller": 0.00001,
	"float_neg_zero": negZero(), "float_huge": 1.5e300, "float_tiny": 2.5e-300, "float_123": 123.456,
	"str_empty": "", "str_plain": "hello", "str_single_quote": "it's", "str_both_quotes": `it's "x"`,
	"str_double_quote": `say "hi"`, "str_escapes": "a\tb\nc\rd\\e", "str_control": "\x00\x01\x1f\x7f",
	"str_high":    "caf\xc3\xa9",
	"tuple_empty": Tuple{}, "tuple_one": Tuple{1}, "tuple_two": Tuple{1, "a"},
	"list_empty": []any{}, "list_mixed": []any{1, "two", nil, Tuple{3}, []float64{4.5}},
	"dict_ints":     map[int]string{2: "b", 1: "a"},
	"class_builtin": ZeroDivisionError, "class_keyerror": KeyError,
	"exc_one": ValueError.New("bad"), "exc_none": ValueError.New(), "exc_two": ValueError.New("a", 2),
	"exc_keyerror": KeyError.New("k"),
}

var strCases = map[string]any{
	"str:float_third": 1.0 / 3, "str:float_whole": 1.0, "str:float_big": 1e16,
	"str:float_12": 123456789012.0, "str:float_13": 1234567890123.0,
	"str:exc_one": ValueError.New("bad"), "str:exc_two": ValueError.New("a", 2),
	"str:exc_keyerror": KeyError.New("k"), "str:exc_none": ValueError.New(), "str:string": "it's",
	"str:class": KeyError,
}

func negZero() float64 {
	z := 0.0
	return -z
}

func TestReprMatchesPython2(t *testing.T) {
	f, err := os.Open("testdata/repr.golden")
	assert.NilError(t, err)
	defer f.Close()
	seen := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, want, ok := strings.Cut(sc.Text(), "\t")
		assert.Assert(t, ok, "bad golden line %q", sc.Text())
		if v, ok := reprCases[name]; ok {
			assert.Equal(t, Repr(v), want, "repr of %s", name)
			seen++
		} else if v, ok := strCases[name]; ok {
			assert.Equal(t, Str(v), want, "str of %s", name)
			seen++
		} else {
			t.Errorf("golden case %s has no Go twin", name)
		}
	}
	assert.Equal(t, seen, len(reprCases)+len(strCases), "every Go case is in the golden")
}

func TestReprOfUserClassesAndFailures(t *testing.T) {
	custom := NewClass("twisted.flow.test.test_flow.CustomError", nil)
	assert.Equal(t, Repr(custom), "<class 'twisted.flow.test.test_flow.CustomError'>")
	assert.Equal(t, Repr(NewClass("Mine", ValueError)), "<class '__main__.Mine'>")
	f := NewFailure(ZeroDivisionError.New("integer division or modulo by zero"))
	assert.Equal(t, Repr(f), "<twisted.python.failure.Failure builtins.ZeroDivisionError: integer division or modulo by zero>")
	assert.Equal(t, Repr(f.In2009()), "<twisted.python.failure.Failure <type 'exceptions.ZeroDivisionError'>>")
	assert.Equal(t, Repr([]any{1, custom}), "[1, <class 'twisted.flow.test.test_flow.CustomError'>]")
}

func reprSample() {}

func TestReprFunc(t *testing.T) {
	got := Repr(reprSample)
	if !regexp.MustCompile(`^<function reprSample at 0x[0-9a-f]+>$`).MatchString(got) {
		t.Errorf("Repr(func) = %q, want Python's <function reprSample at 0x...>", got)
	}
	var none func()
	if got := Repr(none); got != "None" {
		t.Errorf("Repr(nil func) = %q, want None", got)
	}
}
