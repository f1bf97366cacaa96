package flow_test

import (
	"testing"
	"time"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted/reactor"

	"github.com/twistedflow/twistedflow/internal/testwait"
)

// runBound is how long a test's run of a reactor (runBounded), or its
// wait for a channel (receiveWithin), may last before the test fails:
// far longer than any takes on a loaded machine (seconds at most), so
// that only a wait that can no longer end reaches it (a flow or thread
// that never ends, a Deferred never fired, a cancellation that never
// arrives), and CI fails with what was waited for rather than hangs.
const runBound = 2 * time.Minute

// runBounded runs r, which the test stops; a run still going after
// runBound is stopped, and the test fails with the calls it had waiting.
// The bound is one call from another goroutine, not a wake-up on every
// turn, so that it hides no lost wake-up by waking the loop itself.
func runBounded(t *testing.T, r *reactor.Reactor) {
	t.Helper()
	stopped := false // by the bound, on the reactor goroutine
	bound := time.AfterFunc(runBound, func() {
		r.CallFromThread(func() {
			stopped = true
			_ = r.Stop()
		})
	})
	err := r.Run()
	bound.Stop()
	assert.NilError(t, err)
	if stopped {
		t.Fatalf("the reactor was still running after %v, and was stopped; its delayed calls: %v", runBound, r.GetDelayedCalls())
	}
}

// receiveWithin receives from ch, or fails t with what it waited for
// after runBound.
func receiveWithin[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	return testwait.Receive(t, ch, runBound, what)
}
