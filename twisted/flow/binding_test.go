package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Issue 15, defect 10: a stage made without an explicit reactor uses its
// controller's; a mismatch that cannot be resolved fails at once with a
// clear error, never a silent hang.

// runOn runs r until d fires, or fails the test if it has not fired once
// r has run for a while: the guard that turns a hang into a failure.
func runOn(t *testing.T, r *reactor.Reactor, start func() *deferred.Deferred) any {
	t.Helper()
	var got any
	fired := false
	guard := r.CallLater(10, func() { _ = r.Stop() })
	r.CallWhenRunning(func() {
		start().AddBoth(func(res any) (any, error) {
			got, fired = res, true
			if guard.Active() {
				_ = guard.Cancel()
			}
			return nil, r.Stop()
		})
	})
	runBounded(t, r)
	if !fired {
		t.Fatal("the flow's Deferred never fired")
	}
	return got
}

// flow.DeferredOn(r, flow.Threaded(src)) hands the results to r, the
// controller's reactor, not to the default reactor.
func TestDefect10ThreadedUsesControllersReactor(t *testing.T) {
	r := reactor.New()
	got := runOn(t, r, func() *deferred.Deferred {
		return flow.DeferredOn(r, flow.Threaded(&countIterator{3}))
	})
	flowtest.Check(t, got, "[3, 2, 1]")
}

// The same inside a generator, where the controller meets the stage only
// when the generator yields it.
func TestDefect10NestedThreadedUsesControllersReactor(t *testing.T) {
	r := reactor.New()
	got := runOn(t, r, func() *deferred.Deferred {
		return flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
			src := flow.Threaded([]any{"a", "b"})
			for {
				if !yield(src) {
					return nil
				}
				v, err := src.Next()
				if err != nil {
					return err
				}
				if !yield(v) {
					return nil
				}
			}
		}))
	})
	flowtest.Check(t, got, "['a', 'b']")
}

// myCoop is Python's class MyCoop(flow.Cooperate).
type myCoop struct {
	*flow.CooperateInstruction
	name string
}

func myCoopGen() flow.Generator {
	return func(yield func(any) bool) error {
		if !yield(1) || !yield(&myCoop{flow.Cooperate(1), "mine"}) {
			return nil
		}
		yield(2)
		return nil
	}
}

// A type embedding *CooperateInstruction under DeferredOn(clock) pauses
// on that clock, as a Cooperate does.
func TestDefect10CooperateSubclassUsesControllersClock(t *testing.T) {
	clock := reactor.NewClock()
	d := flow.DeferredOn(clock, myCoopGen())
	assert.Assert(t, !d.Called())
	assert.Assert(t, is.Len(clock.GetDelayedCalls(), 1))
	clock.Advance(1)
	flowtest.Check(t, flowtest.Result(t, d), "[1, 2]")
}

// Block sleeps through it, as through a Cooperate.
func TestDefect10CooperateSubclassUnderBlock(t *testing.T) {
	b := flow.Block(myCoopGen())
	var slept []float64
	b.Sleep = func(s float64) { slept = append(slept, s) }
	got, err := b.List()
	assert.NilError(t, err)
	flowtest.Check(t, got, "[1, 2]")
	assert.DeepEqual(t, slept, []float64{1})
}

// And a flow protocol pauses on its own reactor.
func TestDefect10CooperateSubclassInProtocol(t *testing.T) {
	clock := reactor.NewClock()
	p := flow.MakeProtocolOn(clock, func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield("one") || !yield(&myCoop{flow.Cooperate(1), "mine"}) {
				return nil
			}
			yield("two")
			return nil
		}
	})()
	tr := connect(p)
	assert.DeepEqual(t, tr.written, []string{"one"})
	clock.Advance(1)
	assert.DeepEqual(t, tr.written, []string{"one", "two"})
	assert.Assert(t, tr.lost)
}

// A Threaded stage made for one reactor, run by a controller on another,
// fails the flow at once: its results would be handed to a goroutine
// that does not run the flow.
func TestDefect10ThreadedOnAnotherReactorFails(t *testing.T) {
	r1, r2 := reactor.New(), reactor.New()
	d := flow.DeferredOn(r2, flow.ThreadedOn(r1, &countIterator{3}))
	assertFailure(t, d, twisted.RuntimeError, "controller on reactor")
}

// A Threaded stage without a reactor, under a controller whose clock has
// no threads (a Clock), fails at once with a RuntimeError.
func TestDefect10ThreadedUnderClockFails(t *testing.T) {
	d := flow.DeferredOn(reactor.NewClock(), flow.Threaded(&countIterator{3}))
	assertFailure(t, d, twisted.RuntimeError, "no threads")
}

// assertFailure checks that d has failed with class, its message
// containing msg.
func assertFailure(t *testing.T, d *deferred.Deferred, class *twisted.Class, msg string) {
	t.Helper()
	f, ok := flowtest.Result(t, d).(*twisted.Failure)
	assert.Assert(t, ok, "the flow did not fail")
	assert.Assert(t, f.Check(class) != nil, "failed with %s", f.GetErrorMessage())
	assert.Assert(t, is.Contains(f.GetErrorMessage(), msg))
}
