package twisted

import (
	"errors"
	"testing"

	"gotest.tools/v3/assert"
)

// The expected values are CPython 2.7.18's output for the same objects.

func TestReprSelfContaining(t *testing.T) {
	l := []any{1, nil}
	l[1] = l
	assert.Equal(t, Repr(l), "[1, [...]]")
	m := map[string]any{}
	m["self"] = m
	assert.Equal(t, Repr(m), "{'self': {...}}")
	// Python: t = [l, (l,)]
	assert.Equal(t, Repr([]any{l, Tuple{l}}), "[[1, [...]], ([1, [...]],)]")
	// The same list twice, side by side, is not a cycle; nor are arrays.
	s := []any{1}
	assert.Equal(t, Repr([]any{s, s}), "[[1], [1]]")
	assert.Equal(t, Repr([2]any{[2]any{1, 2}, 3}), "[[1, 2], 3]")
}

func TestTypedNil(t *testing.T) {
	for _, v := range []any{(*Error)(nil), (*Class)(nil), (*Failure)(nil)} {
		assert.Equal(t, Repr(v), "None")
		assert.Equal(t, Str(v), "None")
	}
	assert.Assert(t, ClassOf((*Error)(nil)) == nil)
	assert.Assert(t, ClassOf((*Failure)(nil)) == nil)
	assert.Assert(t, AsError(nil) == nil)
	// raise None
	f := FailureFromPanic((*Error)(nil))
	assert.Equal(t, f.Type, TypeError)
	assert.Equal(t, f.GetErrorMessage(), "exceptions must be old-style classes or derived from BaseException, not NoneType")
}

func TestEnvironmentErrorStr(t *testing.T) {
	assert.Equal(t, Str(IOError.New(2, "No such file")), "[Errno 2] No such file")
	assert.Equal(t, Str(IOError.New(2, "No such file", "f")), "[Errno 2] No such file: 'f'")
	assert.Equal(t, Str(IOError.New("x")), "x")
	assert.Equal(t, Str(OSError.New(1, 2, 3, 4)), "(1, 2, 3, 4)")
	assert.Equal(t, Repr(IOError.New(2, "No such file", "f")), "IOError(2, 'No such file')")
}

func TestMessage(t *testing.T) {
	assert.Equal(t, Exception.New("a", 2).Message(), "")
	assert.Equal(t, KeyError.New("k").Message(), "k")
}

func TestLongRepr(t *testing.T) {
	assert.Equal(t, Repr(uint64(1<<63)), "9223372036854775808L")
	assert.Equal(t, Repr(uint64(1<<63-1)), "9223372036854775807")
}

// A class raised as a value is its instance without arguments (raise
// KeyError), and errors.Is matches a failure's class as Check does,
// whatever its value.
func TestClassesAsErrors(t *testing.T) {
	f := FailureFromPanic(KeyError)
	assert.Equal(t, Repr(f.Value), "KeyError()")
	assert.Equal(t, f.GetErrorMessage(), "")
	assert.Equal(t, Repr(AsError(KeyError)), "KeyError()")
	assert.Assert(t, errors.Is(KeyError, LookupError))
	assert.Assert(t, !errors.Is(LookupError, KeyError))

	plain := NewFailure(errors.New("plain"))
	assert.Assert(t, errors.Is(plain, Exception))
	assert.Assert(t, !errors.Is(plain, KeyError))
	classed := NewFailure(&classedErr{})
	assert.Assert(t, errors.Is(classed, LookupError))
	assert.Equal(t, Repr(AsError(classed)), "KeyError('custom msg',)")
}

type classedErr struct{}

func (*classedErr) Error() string       { return "custom msg" }
func (*classedErr) PythonClass() *Class { return KeyError }

// A dict with integer keys held as any is sorted numerically, as one with
// int keys.
func TestReprAnyIntKeys(t *testing.T) {
	assert.Equal(t, Repr(map[any]any{9: "a", 10: "b", 2: "c"}), "{2: 'c', 9: 'a', 10: 'b'}")
}
