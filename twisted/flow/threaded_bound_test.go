package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"gotest.tools/v3/assert"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// endlessSource counts the values it has made.
type endlessSource struct{ n atomic.Int64 }

func (s *endlessSource) Next() (any, error) { return int(s.n.Add(1)), nil }

// drain runs the calls the threads have handed back until the threads
// are blocked with nothing more to hand back.
func drainThreads(th *flowtest.Threads) {
	for {
		synctest.Wait()
		if !th.TryRunOne() {
			return
		}
	}
}

// A Threaded stage's thread does not run ahead of its flow without bound:
// it waits once 1024 values are handed over and not taken, goes on when
// the flow takes them, and stops within one item once the flow is closed.
func TestThreadedBufferIsBounded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		th := flowtest.NewThreads()
		clock := reactor.NewClock()
		src := &endlessSource{}
		taken := 0
		d := flow.DeferredOn(clock, flow.Generator(func(yield func(any) bool) error {
			stage := flow.ThreadedOn(th, src)
			for {
				if !yield(stage) {
					return nil
				}
				if _, err := stage.Next(); err != nil {
					return err
				}
				taken++
				if !yield(flow.Cooperate(1)) { // slower than the thread
					return nil
				}
			}
		}))
		drainThreads(th)
		made := src.n.Load()
		assert.Assert(t, made >= 1024 && made <= 1026, "the thread made %d values ahead of a flow that took %d", made, taken)

		// The flow takes all it was handed, and asks for more: the
		// thread goes on, as far again.
		for taken < 1024 {
			clock.Advance(1)
		}
		drainThreads(th)
		assert.Equal(t, src.n.Load(), made)
		clock.Advance(1)
		drainThreads(th)
		made = src.n.Load()
		assert.Assert(t, made >= 2048 && made <= 2050, "made %d after the flow took %d", made, taken)

		d.Cancel()
		th.Wait()
		assert.Assert(t, src.n.Load() <= made+1, "the thread went on after the flow's end: %d values, then %d", made, src.n.Load())
		flowtest.FailureOf(t, d, deferred.CancelledError)
	})
}
