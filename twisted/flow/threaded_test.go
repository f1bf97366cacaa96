package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// countIterator is test_flow.py's CountIterator, without its sleep.
type countIterator struct{ count int }

func (c *countIterator) Next() (any, error) {
	val := c.count
	if val == 0 {
		return nil, twisted.StopIteration.New()
	}
	c.count--
	return val, nil
}

func TestThreaded(t *testing.T) {
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, &countIterator{5}))
	th.RunUntil(d)
	flowtest.Check(t, flowtest.Result(t, d), "[5, 4, 3, 2, 1]")
}

func TestThreadedRealReactor(t *testing.T) {
	r := reactor.New()
	var got any
	r.CallWhenRunning(func() {
		d := flow.DeferredOn(r, flow.ThreadedOn(r, &countIterator{5}))
		d.AddBoth(func(res any) (any, error) {
			got = res
			return nil, r.Stop()
		})
	})
	runBounded(t, r)
	flowtest.Check(t, got, "[5, 4, 3, 2, 1]")
}

func TestThreadedError(t *testing.T) {
	iterator := flow.Generator(func(yield func(any) bool) error {
		yield(1)
		return twisted.ValueError.New()
	})
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, iterator))
	th.RunUntil(d)
	flowtest.FailureOf(t, d, twisted.ValueError)
}

func TestThreadedTrap(t *testing.T) {
	iterator := flow.Generator(func(yield func(any) bool) error {
		yield(1)
		return twisted.ValueError.New()
	})
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, iterator, twisted.ValueError))
	th.RunUntil(d)
	flowtest.Check(t, flowtest.Result(t, d), "[1, <type 'exceptions.ValueError'>]")
}

type badIter struct{}

func (badIter) Iter() (flow.Iterator, error) { return nil, twisted.IOError.New("cannot start") }

func TestThreadedIterFails(t *testing.T) {
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, badIter{}))
	th.RunUntil(d)
	flowtest.FailureOf(t, d, twisted.IOError)
}

type chunks struct{ countIterator }

func (*chunks) Chunked() bool { return true }
func (c *chunks) Next() (any, error) {
	v, err := c.countIterator.Next()
	if err != nil {
		return nil, err
	}
	return []int{v.(int), -v.(int)}, nil
}

func TestThreadedChunked(t *testing.T) {
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, &chunks{countIterator{2}}))
	th.RunUntil(d)
	flowtest.Check(t, flowtest.Result(t, d), "[2, -2, 1, -1]")
}

// TestThreadedBatches checks that items produced while the reactor is busy
// cross over in one hand-over.
func TestThreadedBatches(t *testing.T) {
	reached, release := make(chan struct{}), make(chan struct{})
	source := flow.Generator(func(yield func(any) bool) error {
		for i := range 100 {
			yield(i)
		}
		close(reached)
		<-release
		return nil
	})
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, source))
	receiveWithin(t, reached, "the thread to reach the source's end")
	if n := th.Pending(); n != 1 {
		t.Errorf("%d hand-overs pending for 100 items, want 1", n)
	}
	close(release)
	th.RunUntil(d)
	if n := len(flowtest.Result(t, d).([]any)); n != 100 {
		t.Errorf("%d results, want 100", n)
	}
}

// TestThreadedCancel checks that cancelling the flow stops the thread and
// closes its generator.
func TestThreadedCancel(t *testing.T) {
	reached, release := make(chan struct{}), make(chan struct{})
	closed := false
	source := flow.Generator(func(yield func(any) bool) error {
		defer func() { closed = true }()
		for i := 0; ; i++ {
			if i == 3 {
				close(reached)
				<-release
			}
			if !yield(i) {
				return nil
			}
		}
	})
	th := flowtest.NewThreads()
	d := flow.DeferredOn(reactor.NewClock(), flow.ThreadedOn(th, source))
	receiveWithin(t, reached, "the thread to reach the source's third item")
	d.Cancel()
	close(release)
	th.Wait()
	if !closed {
		t.Error("generator not closed")
	}
	flowtest.FailureOf(t, d, deferred.CancelledError)
}

// A Threaded branch of a Concurrent whose consumer takes one value per
// round loses nothing: the end arrives after the last values, never with
// them (found by the flow edges suite).
func TestThreadedEndAfterValues(t *testing.T) {
	for range 20 {
		th := flowtest.NewThreads()
		threaded := flow.ThreadedOn(th, []any{"a", "b", "c"})
		th.Wait() // the thread has handed everything over at once
		consumer := flow.Generator(func(yield func(any) bool) error {
			both := flow.Concurrent(threaded)
			if !yield(both) {
				return nil
			}
			for {
				s, err := both.Next()
				if err != nil {
					return err
				}
				v, err := s.(flow.Stage).Next()
				if err != nil {
					return err
				}
				if !yield(v) || !yield(both) {
					return nil
				}
			}
		})
		d := flow.DeferredOn(reactor.NewClock(), consumer)
		th.RunUntil(d)
		flowtest.Check(t, flowtest.Result(t, d), "['a', 'b', 'c']")
	}
}
