package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// endless yields forever, cooperating between items, and counts its
// closing.
func endless(closed *int) flow.Generator {
	return func(yield func(any) bool) error {
		defer func() { *closed++ }()
		for i := 0; ; i++ {
			if !yield(i) || !yield(flow.Cooperate(1)) {
				return nil
			}
		}
	}
}

// Cancelling many suspended flows leaves no goroutine behind.
func TestCancelManyFlows(t *testing.T) {
	leakcheck.Check(t)
	clock := reactor.NewClock()
	closed := 0
	var ds []*deferred.Deferred
	for range 100 {
		inner := endless(&closed)
		outer := flow.Generator(func(yield func(any) bool) error {
			defer func() { closed++ }()
			src := flow.Wrap(inner)
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
		})
		ds = append(ds, flow.DeferredOn(clock, flow.Merge(outer, endless(&closed))))
	}
	clock.Advance(1)
	clock.Advance(1)
	for _, d := range ds {
		d.Cancel()
		flowtest.FailureOf(t, d, deferred.CancelledError)
	}
	if closed != 300 {
		t.Errorf("%d generators closed, want 300", closed)
	}
	noCallsLeft(t, clock)
}

// When one branch fails, the flow ends and the others are closed.
func TestFailureClosesBranches(t *testing.T) {
	leakcheck.Check(t)
	clock := reactor.NewClock()
	closed := 0
	d := flow.DeferredOn(clock, flow.Zip(endless(&closed), badgen()))
	clock.Advance(1)
	flowtest.FailureOf(t, d, twisted.ZeroDivisionError)
	if closed != 1 {
		t.Errorf("suspended branch not closed")
	}
}

// A Threaded flow on a real reactor, cancelled while its thread blocks,
// leaves no goroutine once the reactor has stopped.
func TestThreadedCancelRealReactor(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	release := make(chan struct{})
	started := make(chan struct{})
	source := flow.Generator(func(yield func(any) bool) error {
		close(started)
		<-release
		for i := 0; ; i++ {
			if !yield(i) {
				return nil
			}
		}
	})
	var got any
	r.CallWhenRunning(func() {
		d := flow.DeferredOn(r, flow.ThreadedOn(r, source))
		d.AddBoth(func(res any) (any, error) {
			got = res
			close(release)
			return nil, r.Stop()
		})
		go func() {
			select { // never started: the run's bound stops the reactor
			case <-started:
				r.CallFromThread(d.Cancel)
			case <-r.Done():
			}
		}()
	})
	runBounded(t, r)
	if f, ok := got.(*twisted.Failure); !ok || f.Check(deferred.CancelledError) == nil {
		t.Errorf("got %s, want CancelledError", repr(got))
	}
}
