package flowedges

import (
	"regexp"
	"slices"
	"strconv"
	"sync/atomic"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// This file transcribes testdata/prelude.py: the helpers every scenario
// shares.

// edge is one scenario's run: its trace, and the reactor its flows run on.
// Python's reactor runs in real time; here a Clock stands in for it, and
// wait advances it from one delayed call to the next, so that calls fall
// in the same order as the Python's distinct real times. A Threaded
// stage's threads are a threadPool, whose hand-overs wait runs between
// the clock's calls. The one scenario that needs the reactor's own
// checks of its arguments (deferred.negativeCooperate) sets real, a real
// reactor, instead.
type edge struct {
	t       *conformance.T
	clock   *reactor.Clock
	threads *threadPool // made by the first Threaded stage
	real    *reactor.Reactor
}

// The Python's reactor, for callLater and flow.Deferred.
func (e *edge) reactor() reactor.IReactorTime {
	if e.real != nil {
		return e.real
	}
	return e.clock
}

// scenario registers a scenario whose Go trace must be the Python's.
func scenario(name string, run func(e *edge)) {
	Suite.Add(conformance.Scenario{
		Name:   name,
		Source: "conformance/suites/flowedges/testdata/" + name + ".py (ours, run under Twisted b2b5697a0f^)",
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { run(&edge{t: t, clock: reactor.NewClock()}) },
	})
}

// deviation registers a scenario where the Go port deliberately differs
// from the Python: its trace is testdata/<name>.go.golden.
func deviation(name, reason string, run func(e *edge)) {
	Suite.Add(conformance.Scenario{
		Name:      name,
		Source:    "conformance/suites/flowedges/testdata/" + name + ".py (ours, run under Twisted b2b5697a0f^)",
		Origin:    conformance.Recorded,
		Deviation: &conformance.Deviation{Reason: reason},
		Run:       func(t *conformance.T) { run(&edge{t: t, clock: reactor.NewClock()}) },
	})
}

// slowlist is an iterator over a copy of a list (not a flow list: no
// shortcuts).
type slowlist struct{ list []any }

func newSlowlist(list ...any) *slowlist { return &slowlist{list: slices.Clone(list)} }

func (s *slowlist) Next() (any, error) {
	if len(s.list) > 0 {
		v := s.list[0]
		s.list = s.list[1:]
		return v, nil
	}
	return nil, twisted.StopIteration.New()
}

// block is flow.Block whose Cooperate pauses print "sleep <timeout>"
// instead of sleeping.
func (e *edge) block(stage any, trap ...*twisted.Class) *flow.BlockStage {
	b := flow.Block(stage, trap...)
	b.Sleep = func(timeout float64) { e.t.Printf("sleep %s", pyG(timeout)) }
	return b
}

// raised prints an exception caught by the scenario: class name and
// message (an address in the message, as in "instance at 0x...", is
// blanked).
func (e *edge) raised(err error) {
	e.t.Print("raised", twisted.ClassOf(err).Name(), noaddr(message(err)))
}

var address = regexp.MustCompile(` at 0x[0-9a-fA-F]+`)

// noaddr returns s with each address ("at 0xc000..") blanked to "at 0x...".
func noaddr(s string) string { return address.ReplaceAllString(s, " at 0x...") }

// message is Python's str(e) of a raised exception.
func message(err error) string {
	if f, ok := err.(*twisted.Failure); ok {
		return f.GetErrorMessage()
	}
	return twisted.AsError(err).PyStr()
}

// isStop reports whether err is a StopIteration.
func isStop(err error) bool {
	return err != nil && twisted.ClassOf(err).IsSubclass(twisted.StopIteration)
}

// drain prints each value the Block gives, then "end" or how it raised.
// Python's `for x in it` is Go's range over All (which runs a linear chain
// in push mode); drainNext is the same loop over Next (pull mode), which
// drain runs instead while pullMode is set (TestPullMode).
func (e *edge) drain(b *flow.BlockStage) {
	if pullMode.Load() {
		e.drainNext(b)
		return
	}
	for x, err := range b.All() {
		if err != nil {
			e.raised(err)
			return
		}
		e.t.Repr(x)
	}
	e.t.Print("end")
}

// pullMode makes drain call Next rather than range over All.
var pullMode atomic.Bool

// drainNext is drain calling Next until StopIteration.
func (e *edge) drainNext(b *flow.BlockStage) {
	for {
		x, err := b.Next()
		if isStop(err) {
			e.t.Print("end")
			return
		}
		if err != nil {
			e.raised(err)
			return
		}
		e.t.Repr(x)
	}
}

// outcome prints how the Deferred fires: "result" and the repr of its
// result, or "failure", the failure's class name and message (addresses
// blanked).
func (e *edge) outcome(d *deferred.Deferred) *deferred.Deferred {
	d.AddCallbacks(func(r any) (any, error) {
		e.t.Print("result", twisted.Repr(r))
		return r, nil
	}, func(f *twisted.Failure) (any, error) {
		e.t.Print("failure", f.Type.Name(), noaddr(f.GetErrorMessage()))
		return nil, nil
	})
	return d
}

// wait runs the reactor until the Deferred has fired, or prints "never
// fired" once timeout seconds have passed. On the clock, it runs what the
// threads have handed over, else advances the clock to its next call;
// with no call due before the deadline while a thread runs, it waits for
// the thread (to hand something over, or end).
func (e *edge) wait(d *deferred.Deferred, timeout float64) {
	fired := false
	d.AddBoth(func(r any) (any, error) {
		fired = true
		if e.real != nil && e.real.Running() {
			e.real.CallLater(0, func() { e.real.Stop() })
		}
		return r, nil
	})
	if fired {
		return
	}
	if e.real != nil {
		e.real.CallLater(timeout, func() {
			if !fired {
				e.t.Print("never fired")
				e.real.Stop()
			}
		})
		e.real.Run()
		return
	}
	deadline := e.clock.Seconds() + timeout
	for !fired {
		if e.threads != nil && e.threads.runHandedOver() {
			continue
		}
		next := deadline
		for _, c := range e.clock.GetDelayedCalls() {
			next = min(next, c.GetTime())
		}
		if next >= deadline && e.threads != nil && e.threads.alive > 0 {
			e.threads.run(<-e.threads.events)
			continue
		}
		e.clock.Advance(next - e.clock.Seconds())
		if !fired && next >= deadline {
			e.t.Print("never fired")
			return
		}
	}
}

// run is flow.Deferred(stage, *trap): it prints its outcome once it fires.
func (e *edge) run(stage any, trap ...*twisted.Class) *deferred.Deferred {
	d := e.outcome(e.deferred(stage, trap...))
	e.wait(d, 2)
	return d
}

// deferred is flow.Deferred on the scenario's reactor.
func (e *edge) deferred(stage any, trap ...*twisted.Class) *deferred.Deferred {
	return flow.DeferredOn(e.reactor(), stage, trap...)
}

// callLater is reactor.callLater on the scenario's reactor.
func (e *edge) callLater(delay float64, f func()) { e.reactor().CallLater(delay, f) }

// pyG formats a float as Python's '%g'.
func pyG(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }

// deferredFired returns a Deferred that has fired with result.
func deferredFired(result any) *deferred.Deferred {
	d := deferred.New()
	d.Callback(result)
	return d
}

// badgen yields 'x', then divides by zero.
func badgen() flow.Generator {
	return func(yield func(any) bool) error {
		if !yield("x") {
			return nil
		}
		zero := 0
		_ = 3 / zero
		return nil
	}
}

// raising yields the values, then fails with err.
func raising(err error, values ...any) flow.Generator {
	return func(yield func(any) bool) error {
		for _, v := range values {
			if !yield(v) {
				return nil
			}
		}
		return err
	}
}
