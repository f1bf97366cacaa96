package flow_test

import (
	"errors"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func TestDeferred(t *testing.T) {
	clock := reactor.NewClock()
	d := flow.DeferredOn(clock, newConsumer())
	clock.Advance(0)
	flowtest.Check(t, flowtest.Result(t, d), "['Title', (1, 'one'), (2, 'two'), (3, 'three')]")
}

func TestDeferredFailure(t *testing.T) {
	d := flow.DeferredOn(reactor.NewClock(), badgen())
	flowtest.FailureOf(t, d, twisted.ZeroDivisionError)
}

func TestDeferredTrap(t *testing.T) {
	d := flow.DeferredOn(reactor.NewClock(), badgen(), twisted.ZeroDivisionError)
	flowtest.Check(t, flowtest.Result(t, d), "['x', <type 'exceptions.ZeroDivisionError'>]")
}

func TestZipFailure(t *testing.T) {
	clock := reactor.NewClock()
	mrg := flow.Zip([]any{1, 2, flow.Cooperate(0), 3}, badgen())
	d := flow.DeferredOn(clock, mrg)
	clock.Advance(0)
	flowtest.FailureOf(t, d, twisted.ZeroDivisionError)
}

func TestDeferredWrapper(t *testing.T) {
	clock := reactor.NewClock()
	a := deferred.New()
	clock.CallLater(0, func() { a.Callback("test") })
	b := flow.Merge(a, newSlowlist(1, 2, flow.Cooperate(0), 3))
	d := flow.DeferredOn(clock, b)
	clock.Advance(0)
	flowtest.Check(t, flowtest.Result(t, d), "[1, 2, 'test', 3]")
	// Deviation: the original left None as a's result.
	flowtest.Check(t, flowtest.Result(t, a), "'test'")
}

func TestDeferredWrapperImmediate(t *testing.T) {
	a := deferred.New()
	a.Callback("test")
	flowtest.Check(t, blockList(t, a), "['test']")
}

func TestCallback(t *testing.T) {
	cb := flow.Callback()
	d := flow.DeferredOn(reactor.NewClock(), buildlist(cb))
	for x := range 9 {
		cb.Result(x)
	}
	cb.Finish()
	flowtest.Check(t, flowtest.Result(t, d), "[[0, 1, 2, 3, 4, 5, 6, 7, 8]]")
}

func TestCallbackFailure(t *testing.T) {
	cb := flow.Callback()
	d := flow.DeferredOn(reactor.NewClock(), buildlist(cb))
	for x := range 3 {
		cb.Result(x)
	}
	cb.Errback(twisted.IOError.New())
	flowtest.FailureOf(t, d, twisted.IOError)
}

type named struct {
	*flow.CallbackStage
	name string
}

func testconcur(stages ...any) flow.Generator {
	return func(yield func(any) bool) error {
		both := flow.Concurrent(stages...)
		if !yield(both) {
			return nil
		}
		for {
			v, err := both.Next()
			if err != nil {
				return err
			}
			stage := v.(named)
			r, err := stage.Next()
			if err != nil {
				return err
			}
			if !yield(twisted.Tuple{stage.name, r}) || !yield(both) {
				return nil
			}
		}
	}
}

func TestConcurrentCallback(t *testing.T) {
	ca := named{flow.Callback(), "a"}
	cb := named{flow.Callback(), "b"}
	d := flow.DeferredOn(reactor.NewClock(), testconcur(ca, cb))
	ca.Result(1)
	cb.Result(2)
	ca.Result(3)
	ca.Result(4)
	ca.Finish()
	cb.Result(5)
	cb.Finish()
	flowtest.Check(t, flowtest.Result(t, d), "[('a', 1), ('b', 2), ('a', 3), ('a', 4), ('b', 5)]")
}

func TestDeferredCancel(t *testing.T) {
	clock := reactor.NewClock()
	closed := false
	gen := flow.Generator(func(yield func(any) bool) error {
		defer func() { closed = true }()
		for i := 0; ; i++ {
			if !yield(i) || !yield(flow.Cooperate(1)) {
				return nil
			}
		}
	})
	d := flow.DeferredOn(clock, gen)
	clock.Advance(1)
	if n := len(clock.GetDelayedCalls()); n != 1 {
		t.Fatalf("%d delayed calls, want 1", n)
	}
	d.Cancel()
	if !closed {
		t.Error("generator not closed by Cancel")
	}
	noCallsLeft(t, clock)
	flowtest.FailureOf(t, d, deferred.CancelledError)
}

func TestDeferredUnsupported(t *testing.T) {
	d := flow.DeferredOn(reactor.NewClock(), []any{1, flow.Wrap([]any{2})})
	r := flowtest.Result(t, d)
	if !errors.Is(r.(error), flow.Unsupported) {
		t.Fatalf("got %s, want Unsupported", repr(r))
	}
}

// TestDeferredListSegments runs lists with instructions at the start, the
// end, side by side and not at all through flow.Deferred and Block: the
// results are the items in order, and the list flow.Deferred returns (the
// list's own copy, the items moved over the instructions) holds nothing
// past its end, so it keeps no item alive twice.
func TestDeferredListSegments(t *testing.T) {
	c := flow.Cooperate(0)
	for _, in := range [][]any{
		{},
		{1, 2, 3},
		{c},
		{c, 1, 2, c, 3},
		{1, c, c, 2, 3, c},
		{c, c, c, "a", c, "b", "c", c, c},
	} {
		want := []any{}
		for _, v := range in {
			if v != c {
				want = append(want, v)
			}
		}
		clock := reactor.NewClock()
		d := flow.DeferredOn(clock, in)
		for range in {
			clock.Advance(0)
		}
		got := flowtest.Result(t, d).([]any)
		if repr(got) != repr(want) {
			t.Errorf("Deferred(%s) = %s, want %s", repr(in), repr(got), repr(want))
		}
		for i, v := range got[len(got):cap(got)] {
			if v != nil {
				t.Errorf("Deferred(%s): slot %d past the results holds %s", repr(in), len(got)+i, repr(v))
			}
		}
		pulled := []any{}
		for v, err := range flow.Block(in).All() {
			if err != nil {
				t.Fatal(err)
			}
			pulled = append(pulled, v)
		}
		if repr(pulled) != repr(want) {
			t.Errorf("Block(%s).All() = %s, want %s", repr(in), repr(pulled), repr(want))
		}
	}
}
