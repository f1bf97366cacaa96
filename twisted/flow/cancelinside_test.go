package flow_test

import (
	"context"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A generator that cancels its own flow's Deferred: the Deferred fails
// with CancelledError, the generator's next yield reports false, and its
// deferred calls run, with nothing left on the clock.
func TestCancelFromInsideGenerator(t *testing.T) {
	leakcheck.Check(t)
	clock := reactor.NewClock()
	var d *deferred.Deferred
	var trace []string
	gen := flow.Generator(func(yield func(any) bool) error {
		defer func() { trace = append(trace, "closed") }()
		for i := 0; ; i++ {
			if i == 2 {
				d.Cancel()
				trace = append(trace, "cancelled")
			}
			if !yield(i) {
				trace = append(trace, "yield false")
				return nil
			}
			if !yield(flow.Cooperate(1)) {
				trace = append(trace, "yield false")
				return nil
			}
		}
	})
	d = flow.DeferredOn(clock, gen)
	clock.Advance(1)
	clock.Advance(1)
	flowtest.FailureOf(t, d, deferred.CancelledError)
	if got, want := twisted.Repr(trace), "['cancelled', 'yield false', 'closed']"; got != want {
		t.Errorf("trace %s, want %s", got, want)
	}
	noCallsLeft(t, clock)
}

// A Map function that cancels the flow: the Deferred fails with
// CancelledError once, and the source generator is closed.
func TestCancelFromInsideMap(t *testing.T) {
	leakcheck.Check(t)
	clock := reactor.NewClock()
	closed := 0
	var d *deferred.Deferred
	cancelAt2 := func(args ...any) (any, error) {
		if args[0] == 2 {
			d.Cancel()
		}
		return args[0], nil
	}
	d = flow.DeferredOn(clock, flow.Map(cancelAt2, endless(&closed)))
	for range 3 {
		clock.Advance(1)
	}
	flowtest.FailureOf(t, d, deferred.CancelledError)
	if closed != 1 {
		t.Errorf("source closed %d times, want 1", closed)
	}
	noCallsLeft(t, clock)
}

// A negative Cooperate on the real reactor, whose CallLater rejects it
// with AssertionError as Twisted's does: the flow fails with it, at its
// first run and after a wake-up alike (the original's exception escapes
// instead, and its Deferred never fires).
func TestNegativeCooperateFailsFlow(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	d := flow.DeferredOn(r, []any{1, flow.Cooperate(-1), 2})
	flowtest.FailureOf(t, d, twisted.AssertionError)

	var late *deferred.Deferred
	closed := 0
	r.CallWhenRunning(func() {
		late = flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
			defer func() { closed++ }()
			_ = yield(1) && yield(flow.Cooperate(0)) && yield(flow.Cooperate(-1)) && yield(2)
			return nil
		}))
		late.AddBoth(func(res any) (any, error) { return res, r.Stop() })
	})
	runBounded(t, r)
	flowtest.FailureOf(t, late, twisted.AssertionError)
	if closed != 1 {
		t.Errorf("generator closed %d times, want 1", closed)
	}
}

// panicky is a stage of the user's own whose Yield panics on its second
// call, after a Cooperate.
type panicky struct {
	flow.Base
	calls, closed int
}

func (p *panicky) Yield() flow.Instruction {
	p.calls++
	if p.calls == 2 {
		panic(twisted.KeyError.New("boom"))
	}
	return flow.Cooperate(0)
}

func (p *panicky) Close() { p.closed++ }

// A panic in a stage's Yield fails the flow's Deferred, and the flow is
// closed.
func TestPanickingStageFailsFlow(t *testing.T) {
	leakcheck.Check(t)
	clock := reactor.NewClock()
	p := &panicky{}
	d := flow.DeferredOn(clock, p)
	if d.Called() {
		t.Fatal("fired before the wake-up")
	}
	clock.Advance(0)
	if f, ok := d.Result().(*twisted.Failure); !ok || f.GetErrorMessage() != "'boom'" {
		t.Errorf("result %s, want the KeyError('boom') failure", repr(d.Result()))
	}
	flowtest.FailureOf(t, d, twisted.KeyError)
	if p.closed != 1 {
		t.Errorf("stage closed %d times, want 1", p.closed)
	}
}

// DeferredContext cancels the flow once its context is done: before the
// flow starts, or while it runs.
func TestDeferredContext(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	closed := 0
	early, cancelEarly := context.WithCancel(context.Background())
	cancelEarly()
	late, cancelLate := context.WithCancel(context.Background())
	var d1, d2 *deferred.Deferred
	r.CallWhenRunning(func() {
		d1 = flow.DeferredContext(early, r, endless(&closed))
		d2 = flow.DeferredContext(late, r, endless(&closed))
		deferred.DeferredList([]*deferred.Deferred{d1, d2}).AddBoth(func(res any) (any, error) {
			return res, r.Stop()
		})
		// A flow that ends at once is not cancelled.
		if d := flow.DeferredContext(early, r, []any{1}); !cmp.Equal(d.Result(), any([]any{1})) {
			t.Errorf("result %s", repr(d.Result()))
		}
		go cancelLate()
	})
	runBounded(t, r)
	flowtest.FailureOf(t, d1, deferred.CancelledError)
	flowtest.FailureOf(t, d2, deferred.CancelledError)
	if closed != 2 {
		t.Errorf("%d generators closed, want 2", closed)
	}
}

// A generator that closes its own stage, which the flow.Deferred runs:
// its next yield reports false, its deferred calls run, and the flow ends
// with the results taken before the close (flow.Deferred used to run the
// root's Yield again and again once the generator had returned).
func TestCloseOwnStageFromInsideGenerator(t *testing.T) {
	leakcheck.Check(t)
	clock := reactor.NewClock()
	var trace []string
	var s flow.Stage
	s = flow.Wrap(flow.Generator(func(yield func(any) bool) error {
		defer func() { trace = append(trace, "closed") }()
		if !yield(1) || !yield(flow.Cooperate(1)) {
			return nil
		}
		s.Close()
		trace = append(trace, "close")
		if !yield(2) {
			trace = append(trace, "yield false")
		}
		return nil
	}))
	d := flow.DeferredOn(clock, s)
	clock.Advance(1)
	flowtest.Check(t, flowtest.Result(t, d), "[1]")
	if got, want := twisted.Repr(trace), "['close', 'yield false', 'closed']"; got != want {
		t.Errorf("trace %s, want %s", got, want)
	}
	noCallsLeft(t, clock)
}
