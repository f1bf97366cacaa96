package hardening

import (
	"errors"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// panicOf runs f and returns the Failure of its panic, or nil.
func panicOf(f func()) (fail *twisted.Failure) {
	defer func() {
		if v := recover(); v != nil {
			fail = twisted.FailureFromPanic(v)
		}
	}()
	f()
	return nil
}

// Bad input gives the error the original gives, with its message (from
// the Python source), never a hang.
func TestBadInputGivesClearErrors(t *testing.T) {
	t.Run("Wrap of an unsupported value", func(t *testing.T) {
		for _, v := range []any{3.5, nil, struct{}{}} {
			_, err := flow.Block(v).Next()
			assert.Assert(t, errors.Is(err, twisted.ValueError), "%v", err)
			assert.ErrorContains(t, err, "A wrapper is not available for ")
		}
		_, err := flow.Block(3.5).Next()
		assert.Equal(t, twisted.NewFailure(err).GetErrorMessage(), "A wrapper is not available for 3.5")
	})
	t.Run("nil stages in Map, Zip and Merge", func(t *testing.T) {
		for _, s := range []any{flow.Map(nil, nil), flow.Zip(nil), flow.Merge(nil, []any{1})} {
			_, err := flow.Block(s).Next()
			assert.Assert(t, errors.Is(err, twisted.ValueError), "%v", err)
		}
	})
	t.Run("Next before a yield", func(t *testing.T) {
		_, err := flow.Wrap([]any{1}).Next()
		assert.Equal(t, twisted.ClassOf(err), flow.NotReadyError)
		assert.Equal(t, twisted.NewFailure(err).GetErrorMessage(), "Must 'yield' this object before calling next()")
	})
	t.Run("finish after errback", func(t *testing.T) {
		c := flow.Callback()
		c.Errback(twisted.ValueError.New("x"))
		f := panicOf(c.Finish)
		assert.Assert(t, f != nil)
		assert.Equal(t, f.Type, twisted.AssertionError)
		assert.Equal(t, f.GetErrorMessage(), "failed streams should not be finished")
	})
	t.Run("a second Callback on a Deferred", func(t *testing.T) {
		d := deferred.Succeed(1)
		f := panicOf(func() { d.Callback(2) })
		assert.Assert(t, f != nil)
		assert.Equal(t, f.Type, deferred.AlreadyCalledError)
		assert.Equal(t, d.Result(), 1, "the first result stands")
	})
	t.Run("stopping a reactor that is not running", func(t *testing.T) {
		err := reactor.New().Stop()
		assert.Equal(t, twisted.ClassOf(err), reactor.ReactorNotRunning)
		assert.Equal(t, twisted.NewFailure(err).GetErrorMessage(), "Can't stop reactor that isn't running.")
	})
	t.Run("running a reactor again", func(t *testing.T) {
		r := reactor.New()
		r.CallWhenRunning(func() { _ = r.Stop() })
		assert.NilError(t, r.Run())
		assert.Equal(t, twisted.ClassOf(r.Run()), reactor.ReactorNotRestartable)
	})
	t.Run("a negative delay on the real reactor", func(t *testing.T) {
		f := panicOf(func() { reactor.New().CallLater(-1, func() {}) })
		assert.Assert(t, f != nil)
		assert.Equal(t, f.Type, twisted.AssertionError)
	})
}
