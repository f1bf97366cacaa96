package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func init() {
	scenario("deferred.synchronous", func(e *edge) {
		d := e.outcome(e.deferred([]any{"a", "b"}))
		e.t.Print("called", d.Called())
		d = e.outcome(e.deferred([]any{"a", flow.Cooperate(0), "b"}))
		e.t.Print("called", d.Called())
		e.wait(d, 2)
		e.t.Print("called", d.Called())
	})
	scenario("deferred.empty", func(e *edge) {
		gen := func() flow.Generator {
			return func(yield func(any) bool) error { return nil }
		}
		e.run(flow.Merge([]any{}, gen()))
		e.run(flow.Merge([]any{}, gen(), ""))
	})
	scenario("deferred.interleave", func(e *edge) {
		request := func(name string, pause float64) flow.Generator {
			return func(yield func(any) bool) error {
				e.t.Print(name, "step one")
				if !yield(flow.Cooperate(pause)) {
					return nil
				}
				e.t.Print(name, "step two")
				if !yield(flow.Cooperate(pause)) {
					return nil
				}
				e.t.Print(name, "step three")
				yield(name)
				return nil
			}
		}
		a := e.outcome(e.deferred(request("James", 0.1)))
		b := e.outcome(e.deferred(request("Wendy", 0.15)))
		e.wait(deferred.DeferredList([]*deferred.Deferred{a, b}), 2)
	})
	deviation("deferred.negativeCooperate",
		"A negative Cooperate: the reactor's callLater asserts that a delay is not negative. In the original the "+
			"AssertionError escapes flow.Deferred at the first run, and after a wake-up the reactor logs it and the "+
			"Deferred never fires. Go fails the Deferred with it in both cases (the Go reactor's message shows the "+
			"delay as the float it is).",
		func(e *edge) {
			e.real = reactor.New() // a Clock takes a negative delay
			e.outcome(e.deferred([]any{1, flow.Cooperate(-1), 2}))
			d := e.outcome(e.deferred([]any{1, flow.Cooperate(0), flow.Cooperate(-1), 2}))
			e.wait(d, 0.5)
		})
	deviation("deferred.stageRaises",
		"A stage of the user's own whose Yield raises after a wake-up: in the original the exception escapes into "+
			"the reactor, which logs it, and the Deferred never fires. Go fails the Deferred with it, and closes the flow.",
		func(e *edge) {
			d := e.outcome(e.deferred(&raisingStage{}))
			e.wait(d, 0.5)
		})
	scenario("deferred.trapListOrder", func(e *edge) {
		e.run(flow.Wrap(badgen(), twisted.ZeroDivisionError), twisted.ArithmeticError)
		e.run(flow.Wrap(badgen(), twisted.ArithmeticError), twisted.ZeroDivisionError)
	})
}

// raisingStage is the scenario's Raising: a stage whose Yield raises
// KeyError('boom') at its second call, after a Cooperate.
type raisingStage struct {
	flow.Base
	calls int
}

func (r *raisingStage) Yield() flow.Instruction {
	r.calls++
	if r.calls == 2 {
		panic(twisted.KeyError.New("boom"))
	}
	return flow.Cooperate(0)
}
