package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

func init() {
	scenario("filter.none", func(e *edge) {
		src := []any{0, 1, "", "a", []any{}, []any{0}, twisted.Tuple{}, twisted.None, false, true, 0.0, " ", -1}
		e.drain(e.block(flow.Filter(nil, newSlowlist(src...))))
	})
	scenario("filter.func", func(e *edge) {
		odd := func(val any) (bool, error) {
			if val.(int)%2 != 0 {
				return twisted.Truthy("yes"), nil
			}
			return twisted.Truthy(twisted.None), nil
		}
		src := []any{1, 2, flow.Cooperate(0), 3, 4, 5, flow.Cooperate(0.5), 6}
		e.drain(e.block(flow.Filter(odd, newSlowlist(src...))))
		e.run(flow.Filter(odd, src))
	})
	scenario("filter.sourceFailure", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.KeyError.New("k"), 1, 2, 3) }
		notTwo := func(x any) (bool, error) { return x != 2, nil }
		e.drain(e.block(flow.Filter(notTwo, gen())))
		e.drain(e.block(flow.Filter(notTwo, gen(), twisted.KeyError)))
	})
	deviation("filter.funcRaises",
		"The original lets an exception of Filter's function escape the flow: Block's trap cannot catch it, "+
			"flow.Deferred's constructor raises it, or, after a Cooperate, the reactor logs it and the Deferred "+
			"never fires. Go makes it the stage's failure: trapped by Block's trap, and an errback of flow.Deferred.",
		func(e *edge) {
			inv := func(x any) (bool, error) { return twisted.Truthy(10 / x.(int)), nil }
			e.drain(e.block(flow.Filter(inv, newSlowlist(1, 0, 2))))
			e.drain(e.block(flow.Filter(inv, newSlowlist(1, 0, 2)), twisted.ZeroDivisionError))
			e.outcome(e.deferred(flow.Filter(inv, newSlowlist(1, 0, 2))))
			d := e.outcome(e.deferred(flow.Filter(inv, newSlowlist(flow.Cooperate(0), 0))))
			e.wait(d, 0.5)
		})
}
