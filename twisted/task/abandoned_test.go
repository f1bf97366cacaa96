package task

import (
	"runtime"
	"testing"

	"github.com/twistedflow/twistedflow/twisted/reactor"
	"gotest.tools/v3/assert"
)

// startAbandoned runs a Generator task on clock for one step, pauses it
// for good, and drops everything but clock: the Generator is garbage,
// suspended at a yield, with a deferred call to run.
func startAbandoned(clock *reactor.Clock, closed *bool) {
	c := NewCooperator(WithClock(clock))
	task := c.Cooperate(FromSeq(func(yield func(any) bool) {
		defer func() { *closed = true }()
		for i := 0; yield(i); i++ {
		}
	}))
	clock.Advance(1)
	task.Pause()
}

// Issue 19: a Generator abandoned while suspended was closed (its
// deferred calls run) on the runtime's cleanup goroutine, concurrently
// with the reactor. The close is now handed to the Cooperator's reactor
// (here its Clock): it runs on the goroutine that advances the clock, and
// -race sees no concurrent access to what seq's deferred call writes.
func TestAbandonedGeneratorClosedOnReactor(t *testing.T) {
	clock := reactor.NewClock()
	closed := false
	startAbandoned(clock, &closed)
	for i := 0; len(clock.GetDelayedCalls()) == 0; i++ {
		if i == 10000 {
			t.Fatal("the abandoned generator's close never reached the clock")
		}
		runtime.GC()
		runtime.Gosched()
	}
	assert.Assert(t, !closed) // not closed behind the reactor's back
	clock.Advance(1)
	assert.Assert(t, closed)
}
