package twisted

import (
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
