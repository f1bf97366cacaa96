package flowedges

import (
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/flow/threads"
)

// threaded is Threaded(source, *trap) on the scenario's thread pool (see
// threadPool): the flow runs on the scenario's clock, as every scenario's.
func (e *edge) threaded(source any, trap ...*twisted.Class) *flow.ThreadedStage {
	if e.threads == nil {
		e.threads = newThreadPool()
	}
	return threads.ThreadedOn(e.threads, source, trap...)
}

// threadPool is the reactor's threads for a scenario on the clock: each
// CallInThread runs in a goroutine of its own, and what a thread hands
// back (CallFromThread) waits until edge.wait runs it on the scenario's
// goroutine, between two of the clock's calls, as the Python's reactor
// runs the calls from threads between its timers. Nothing waits on the
// wall clock: where a thread's hand-over must come before a timer, the
// scenario waits for the thread to have handed it over (threaded.inMerge's
// handed channels) before the clock moves on; with no timer before the
// deadline, wait blocks until a thread hands something over or ends.
type threadPool struct {
	// events are the calls handed back, in order, and a nil for each
	// thread that has ended.
	events chan func()
	// alive counts the threads that have not ended, as far as the
	// scenario's goroutine has seen their nil.
	alive int
}

func newThreadPool() *threadPool { return &threadPool{events: make(chan func(), 1024)} }

// CallInThread runs f in a new goroutine.
func (p *threadPool) CallInThread(f func()) {
	p.alive++
	go func() {
		defer func() { p.events <- nil }()
		f()
	}()
}

// CallFromThread keeps f for wait to run.
func (p *threadPool) CallFromThread(f func()) { p.events <- f }

// SuggestThreadPoolSize does nothing: each call has its goroutine.
func (p *threadPool) SuggestThreadPoolSize(int) {}

// runHandedOver runs the calls handed back so far, and reports whether
// there were any.
func (p *threadPool) runHandedOver() bool {
	ran := false
	for {
		select {
		case f := <-p.events:
			p.run(f)
			ran = true
		default:
			return ran
		}
	}
}

// run runs a call handed back, or counts a thread's end (nil).
func (p *threadPool) run(f func()) {
	if f == nil {
		p.alive--
		return
	}
	f()
}

// chunks gives its chunks, lists of values; Chunked says so.
type chunks struct{ chunks [][]any }

func (c *chunks) Chunked() bool { return true }

func (c *chunks) Next() (any, error) {
	if len(c.chunks) == 0 {
		return nil, twisted.StopIteration.New()
	}
	v := c.chunks[0]
	c.chunks = c.chunks[1:]
	return v, nil
}

// broken is an iterable whose Iter fails.
type broken struct{}

func (broken) Iter() (flow.Iterator, error) { return nil, twisted.IOError.New("no iterator") }

func init() {
	scenario("threaded.instructionIsValue", func(e *edge) {
		show := func(r any) (any, error) {
			var shown []any
			for _, x := range r.([]any) {
				if _, ok := x.(*flow.CooperateInstruction); ok {
					x = "Cooperate"
				}
				shown = append(shown, x)
			}
			e.t.Print(shown)
			return nil, nil
		}
		d := e.deferred(e.threaded([]any{"a", flow.Cooperate(0), "b"}))
		d.AddCallback(show)
		e.wait(d, 2)
	})
	scenario("threaded.list", func(e *edge) {
		printer := func(yield func(any) bool) error {
			src := e.threaded([]any{"x", "y", "z"})
			if !yield(src) {
				return nil
			}
			for {
				v, err := src.Next()
				if err != nil {
					return err
				}
				e.t.Print("got", v)
				if !yield(strings.ToUpper(v.(string))) || !yield(src) {
					return nil
				}
			}
		}
		e.run(flow.Generator(printer))
	})
	scenario("threaded.basic", func(e *edge) {
		e.run(e.threaded(&count{4}))
	})
	scenario("threaded.error", func(e *edge) {
		// The Python pauses before raising, because there the failure may
		// overtake the last value; Go hands both over in order.
		gen := func(yield func(any) bool) error {
			if !yield(1) || !yield(2) {
				return nil
			}
			return twisted.ValueError.New("in thread")
		}
		printer := func(yield func(any) bool) error {
			src := e.threaded(flow.Generator(gen))
			if !yield(src) {
				return nil
			}
			for {
				x, err := src.Next()
				if err != nil {
					return err
				}
				e.t.Print("got", x)
				if !yield(src) {
					return nil
				}
			}
		}
		e.run(flow.Generator(printer))
	})
	scenario("threaded.chunked", func(e *edge) {
		e.run(e.threaded(&chunks{[][]any{{1, 2}, {}, {3}}}))
	})
	deviation("threaded.trapsIgnored",
		"The original's Threaded(source, *trap) stores its traps as one tuple, which matches no failure: "+
			"a failure of the source is never trapped. Go traps it: the class is the flow's last value.",
		func(e *edge) {
			e.run(e.threaded(raising(twisted.ValueError.New("in thread"), 1), twisted.ValueError))
		})
	deviation("threaded.iterRaises",
		"The original's Threaded stores the failure of iter(source) but never wakes the flow: it hangs, and its "+
			"Deferred never fires. Go fails the flow with it.",
		func(e *edge) {
			d := e.outcome(e.deferred(e.threaded(broken{})))
			e.wait(d, 0.5)
		})
}

func init() {
	scenario("threaded.inMerge", func(e *edge) {
		gate1 := make(chan struct{})
		gate2 := make(chan struct{})
		gate3 := make(chan struct{})
		// Whoever opens the first two gates waits until the thread has
		// handed its value over (its yield has returned: the value is in
		// the stage's buffer, its flush with the pool), so that wait runs
		// the flush, which wakes the Merge, before it advances the clock
		// to the next Cooperate. (The thread's end, after the third gate,
		// may come at any wake-up: the Merge ends at the first after it.)
		handed1 := make(chan struct{})
		handed2 := make(chan struct{})
		e.callLater(0.2, func() { close(gate1); <-handed1 })
		slow := func(yield func(any) bool) error {
			<-gate1
			ok := yield("first")
			close(handed1)
			if !ok {
				return nil
			}
			<-gate2
			ok = yield("second")
			close(handed2)
			if !ok {
				return nil
			}
			<-gate3
			return nil
		}
		ticker := func(yield func(any) bool) error {
			for i := range 3 {
				if !yield(flow.Cooperate(0.6)) {
					return nil
				}
				e.t.Print("tick", i)
				if i == 1 {
					close(gate2)
					<-handed2
				}
				if i == 2 {
					close(gate3)
				}
				if !yield(i) {
					return nil
				}
			}
			return nil
		}
		printer := func(yield func(any) bool) error {
			src := flow.Merge(e.threaded(flow.Generator(slow)), flow.Generator(ticker))
			if !yield(src) {
				return nil
			}
			for {
				x, err := src.Next()
				if err != nil {
					return err
				}
				e.t.Print("got", x)
				if !yield(x) || !yield(src) {
					return nil
				}
			}
		}
		e.run(flow.Generator(printer))
	})
}
