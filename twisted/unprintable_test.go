package twisted

import (
	"fmt"
	"regexp"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"
)

// reprRaises is a value whose repr raises KeyError('boom'), as a Python
// object whose __repr__ raises it.
type reprRaises struct{}

func (reprRaises) PyRepr() string { panic(KeyError.New("boom")) }

// pyStrRaises is a value whose str raises KeyError('boom').
type pyStrRaises struct{}

func (pyStrRaises) PyStr() string { panic(KeyError.New("boom")) }

// strRaisesClass is an exception class whose __str__ raises
// KeyError('boom').
var strRaisesClass = NewClass("StrRaises", Exception).WithStr(func(*Error) string { panic(KeyError.New("boom")) })

// plainUnprintable are plain *Errors whose Python str raises: through an
// argument's repr (the str of a single argument that has no str of its
// own is its repr; KeyError's str is its argument's repr), an argument's
// str, and the class's own str.
func plainUnprintable() map[string]*Error {
	return map[string]*Error{
		"ValueError":      ValueError.New(reprRaises{}),
		"KeyError":        KeyError.New(reprRaises{}),
		"ValueError, str": ValueError.New(pyStrRaises{}),
		"StrRaises":       strRaisesClass.New(),
	}
}

// Str of a plain *Error whose Python str raises raises too, as Python's
// str() does; every way a Failure of one prints (its message, its
// tracebacks in every detail, its repr and str, in either runtime's form,
// and inside a list, a tuple or a dict) prints it as Twisted's safe_str
// does instead (checked under Twisted 22.4 for
// Failure(ValueError(BrokenRepr())), Failure(KeyError(BrokenRepr())) and
// a BrokenStr exception: "<ValueError instance at 0x… with str error:\n
// Traceback (most recent call last):\n … KeyError: 'boom'\n>").
func TestFailureOfPlainErrorWhoseStrRaises(t *testing.T) {
	for name, e := range plainUnprintable() {
		t.Run(name, func(t *testing.T) {
			class := e.Class.Name()
			_, err := strRaised(func() string { return Str(e) })
			assert.Assert(t, err != nil, "Str did not raise")
			assert.Equal(t, ClassOf(err), KeyError)

			f := NewFailure(e)
			msg := f.GetErrorMessage()
			re := regexp.MustCompile(`(?s)^<` + class + ` instance at 0x[0-9a-f]+ with str error:\n Traceback \(most recent call last\):\n.*\nKeyError: 'boom'\n>$`)
			assert.Assert(t, re.MatchString(msg), msg)
			for _, detail := range []string{DetailBrief, DetailDefault, DetailVerbose} {
				assert.Assert(t, is.Contains(f.GetTracebackDetail(detail), msg))
			}
			repr := "<twisted.python.failure.Failure " + e.Class.Python3QualName() + ": " + msg + ">"
			assert.Equal(t, Repr(f), repr)
			assert.Equal(t, f.String(), repr)
			assert.Equal(t, f.Error(), class+": "+msg)
			assert.Assert(t, is.Contains(Str(f), msg))
			assert.Assert(t, is.Contains(Str(f.In2009()), msg))
			assert.Equal(t, Repr(f.In2009()), "<twisted.python.failure.Failure "+e.Class.String()+">")
			assert.Equal(t, Repr([]any{f, 1}), "["+repr+", 1]")
			assert.Equal(t, Repr(Tuple{f}), "("+repr+",)")
			assert.Equal(t, Repr(map[string]any{"k": f}), "{'k': "+repr+"}")
			assert.Equal(t, fmt.Sprint(f), f.Error())
			g := NewFailure(f) // a Failure of the Failure: its message
			assert.Equal(t, g.GetErrorMessage(), msg)
		})
	}
}

// strRaised calls f, returning what it raised (panicked with) instead of
// its result, if it did.
func strRaised(f func() string) (s string, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = panicError(v)
		}
	}()
	return f(), nil
}
