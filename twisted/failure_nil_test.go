package twisted

import (
	"errors"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
)

// The flow era's form of a nil *Failure prints as the nil *Failure does,
// as None, rather than panicking: f.In2009() is a value, which Repr and
// Str do not see as nil.
func TestFailure2009OfNil(t *testing.T) {
	var f *Failure
	assert.Equal(t, Repr(f), "None")
	assert.Equal(t, Repr(f.In2009()), "None")
	assert.Equal(t, Str(f.In2009()), "None")
	assert.Equal(t, Repr(Failure2009{}), "None")
}

// A Failure made as a struct literal without a Type is of its Value's
// class (Exception when it has no Value either), in every method that
// reads the class, rather than panicking on the nil Type.
func TestFailureLiteralWithoutType(t *testing.T) {
	f := &Failure{Value: KeyError.New("k")}
	assert.Equal(t, f.Error(), "KeyError: 'k'")
	assert.Equal(t, f.String(), "<twisted.python.failure.Failure builtins.KeyError: 'k'>")
	assert.Equal(t, f.Check(ValueError, LookupError), LookupError)
	assert.Assert(t, errors.Is(f, KeyError))
	assert.Equal(t, ClassOf(f), KeyError)
	assert.DeepEqual(t, f.Parents(), []string{"builtins.KeyError", "builtins.LookupError", "builtins.Exception", "builtins.BaseException", "builtins.object"})
	assert.Assert(t, strings.HasSuffix(f.GetTraceback(), "builtins.KeyError: 'k'\n"), f.GetTraceback())
	assert.Assert(t, strings.HasPrefix(f.PyStr(), "[Failure instance: "), f.PyStr())
	assert.Equal(t, Repr(f.In2009()), "<twisted.python.failure.Failure <type 'exceptions.KeyError'>>")

	empty := &Failure{}
	assert.Equal(t, empty.Error(), "Exception")
	assert.Equal(t, empty.Check(Exception), Exception)
	assert.Assert(t, strings.HasPrefix(empty.PyStr(), "[Failure instance: "), empty.PyStr())
	assert.Assert(t, strings.HasSuffix(empty.GetTraceback(), "builtins.Exception: \n"), empty.GetTraceback())
	self := &Failure{}
	self.Value = self
	assert.Equal(t, ClassOf(self), Exception)
}

// Twisted keeps the class itself as the parents of a failure whose class
// does not derive from Exception (checked under Twisted 22.4:
// Failure(KeyboardInterrupt()).parents is [<class 'KeyboardInterrupt'>]).
func TestParentsOfBaseExceptionClasses(t *testing.T) {
	for _, c := range []*Class{BaseException, SystemExit, KeyboardInterrupt, GeneratorExit} {
		assert.DeepEqual(t, NewFailure(c.New()).Parents(), []string{"builtins." + c.Name()})
	}
}
