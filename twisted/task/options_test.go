package task

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"gotest.tools/v3/assert"
)

// mustTypeError runs f and returns the TypeError's str it panics with.
func mustTypeError(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		t.Helper()
		err, ok := recover().(*twisted.Error)
		if !ok || err.Class != twisted.TypeError {
			t.Fatalf("panic %v, want a TypeError", err)
		}
		msg = err.PyStr()
	}()
	f()
	t.Fatal("no panic")
	return ""
}

// Issue 15: every constructor validates its options. A nil scheduler or
// termination predicate factory used to be taken, then fail with a
// nil-function panic at the Cooperator's first step (Python:
// Cooperator(scheduler=None) raises TypeError "'NoneType' object is not
// callable" there); a nil Option failed inside NewCooperator itself.
func TestNewCooperatorRejectsNil(t *testing.T) {
	assert.Equal(t, mustTypeError(t, func() { NewCooperator(WithScheduler(nil)) }),
		"Cooperator's scheduler is None: 'NoneType' object is not callable")
	assert.Equal(t, mustTypeError(t, func() { NewCooperator(WithTerminationPredicateFactory(nil)) }),
		"Cooperator's terminationPredicateFactory is None: 'NoneType' object is not callable")
	assert.Equal(t, mustTypeError(t, func() { NewCooperator(WithStarted(false), nil) }),
		"NewCooperator option 1 is None, not an Option")
	// WithClock(nil) is the default reactor, as a nil reactor is elsewhere.
	c := NewCooperator(WithClock(nil), WithStarted(false))
	assert.Assert(t, c.scheduler != nil)
}

// React without a main function, and withCount of None, fail as Python's
// calls of None do, instead of a nil-function panic.
func TestNilMainAndCountCallable(t *testing.T) {
	assert.Equal(t, mustTypeError(t, func() { React(nil, reactor.New()) }),
		"React's main is None: 'NoneType' object is not callable")
	clock := NewClock()
	lc := NewLoopingCallWithCount(nil)
	lc.Clock = clock
	var failure *twisted.Failure
	lc.Start(1, true).AddErrback(func(f *twisted.Failure) (any, error) { failure = f; return nil, nil })
	assert.Assert(t, failure != nil && failure.Check(twisted.TypeError) != nil, "%v", failure)
}
