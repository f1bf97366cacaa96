package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
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
	scenario("deferred.trapListOrder", func(e *edge) {
		e.run(flow.Wrap(badgen(), twisted.ZeroDivisionError), twisted.ArithmeticError)
		e.run(flow.Wrap(badgen(), twisted.ArithmeticError), twisted.ZeroDivisionError)
	})
}
