package flow_test

import (
	"runtime"
	"testing"
	"weak"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

type bigThing struct{ b [4096]byte }

// gone reports whether w's object has been collected, after collections.
func gone[T any](w weak.Pointer[T]) bool {
	for range 5 {
		runtime.GC()
		if w.Value() == nil {
			return true
		}
	}
	return false
}

// A suspended flow.Deferred keeps nothing that it has passed on: a value a
// Filter dropped, a Deferred it waited on that fired; and once it has
// ended (finished or cancelled) its clock keeps nothing of it.
func TestReviewSuspendedFlowRetention(t *testing.T) {
	for _, how := range []string{"cooperate", "deferred", "cancel", "finish"} {
		t.Run(how, func(t *testing.T) {
			clock := reactor.NewClock()
			var wDropped weak.Pointer[bigThing]
			var wWaited weak.Pointer[deferred.Deferred]
			captured := new(bigThing)
			wCaptured := weak.Make(captured)
			last := deferred.New()
			gen := func(yield func(any) bool) error {
				x := new(bigThing)
				wDropped = weak.Make(x)
				if !yield(x) {
					return nil
				}
				x = nil
				d := deferred.New()
				wWaited = weak.Make(d)
				clock.CallLater(1, func() { d.Callback(1) })
				if !yield(d) || !yield(flow.Cooperate(1)) {
					return nil
				}
				_ = captured.b[0]
				if !yield(last) {
					return nil
				}
				return nil
			}
			keep := func(v any) (bool, error) { _, big := v.(*bigThing); return !big, nil }
			fd := flow.DeferredOn(clock, flow.Filter(keep, flow.Generator(gen)))
			captured = nil
			clock.Advance(0) // the dropped value
			if !gone(wDropped) {
				t.Error("a value the Filter dropped is kept")
			}
			clock.Advance(1) // the Deferred fires
			clock.Advance(1) // the Cooperate
			if !gone(wWaited) {
				t.Error("a Deferred the flow waited on, fired, is kept")
			}
			switch how {
			case "cancel":
				fd.Cancel()
			case "finish":
				last.Callback(2)
				clock.Advance(1)
			default:
				return
			}
			if !fd.Called() {
				t.Fatal("the flow has not ended")
			}
			fd = nil
			if !gone(wCaptured) {
				t.Error("an ended flow is kept")
			}
			runtime.KeepAlive(clock)
			runtime.KeepAlive(last)
		})
	}
}

// A flow suspended on several Cooperates at once (a Concurrent's stages
// each at their own), some run and some pending, cancelled: every
// pending wake-up is cancelled, and none that ran is kept.
func TestReviewConcurrentCooperatesCancelled(t *testing.T) {
	for _, cancelAt := range []float64{0, 0.5, 1, 1.5, 2.5} {
		clock := reactor.NewClock()
		gen := func(step float64) flow.Generator {
			return func(yield func(any) bool) error {
				for i := 0; i < 10; i++ {
					if !yield(flow.Cooperate(step)) {
						return nil
					}
				}
				return nil
			}
		}
		fd := flow.DeferredOn(clock, flow.Concurrent(gen(0.5), gen(1), gen(1.5)))
		for clock.Seconds() < cancelAt {
			clock.Advance(0.25)
		}
		fd.Cancel()
		if !fd.Called() {
			t.Fatal("not cancelled")
		}
		noCallsLeft(t, clock)
	}
}
