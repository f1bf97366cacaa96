package flowedges

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

func init() {
	deviation("gen.closedOnFailure",
		"When a flow fails, the original leaves its other suspended generators to the garbage collector, "+
			"which closes them (runs their finally) whenever it collects the flow. Go's controller closes "+
			"the flow as it fails: their deferred calls run before the Deferred's errback.",
		func(e *edge) {
			failing := raising(twisted.KeyError.New("k"), 1)
			sibling := func(yield func(any) bool) error {
				defer e.t.Print("sibling closed")
				for i := range 10 {
					if !yield(fmt.Sprintf("sib%d", i)) || !yield(flow.Cooperate(0)) {
						return nil
					}
				}
				return nil
			}
			e.outcome(e.deferred(flow.Merge(failing, flow.Generator(sibling))))
			e.t.Print("after flow")
			// del d; gc.collect(): nothing left to release in Go.
			e.t.Print("end")
		})
	scenario("gen.closedOnTrap", func(e *edge) {
		gen := func(yield func(any) bool) error {
			defer e.t.Print("gen finally")
			if !yield(1) {
				return nil
			}
			return twisted.KeyError.New("k")
		}
		e.run(flow.Generator(gen), twisted.KeyError)
		e.t.Print("end")
	})
}

func init() {
	scenario("callback.block", func(e *edge) {
		cb := flow.Callback()
		cb.Result(1)
		cb.Result(2)
		cb.Finish()
		e.drain(e.block(cb))
	})
	scenario("threaded.instructionIsValue", func(e *edge) {
		e.real = e.realReactor()
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
}
