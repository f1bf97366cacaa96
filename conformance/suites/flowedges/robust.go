package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

func init() {
	deviation("gen.resumedFromInside",
		"A generator resumed from inside itself (it pushes into the Callback it consumes) meets ValueError "+
			"'generator already executing' in both. The original's outer run then takes the generator's next value "+
			"into the result list the Deferred already delivered; Go's flow is over once its Deferred has fired: "+
			"the delivered list is not changed.",
		func(e *edge) {
			gen := func(cb *flow.CallbackStage) flow.Generator {
				return func(yield func(any) bool) error {
					if !yield(cb) {
						return nil
					}
					cb.Result(2)
					yield("after")
					return nil
				}
			}
			cb := flow.Callback()
			d := e.outcome(e.deferred(gen(cb), twisted.ValueError))
			cb.Result(1)
			var got []any
			d.AddCallback(func(r any) (any, error) {
				got = append(got, r)
				return nil, nil
			})
			e.t.Print(got)
			cb = flow.Callback()
			e.outcome(e.deferred(gen(cb)))
			cb.Result(1)
		})
}

func init() {
	deviation("gen.yieldsItsOwnStage",
		"A generator that yields its own stage (or a that yields b that yields a): the original recurses until "+
			"Python raises RuntimeError('maximum recursion depth exceeded') out of the flow, and out of flow.Deferred's "+
			"constructor (its Deferred never fires). Go's stack would overflow, a fatal error: the cycle is detected "+
			"instead, and the flow fails with RecursionError (a RuntimeError) naming the stages of the cycle; "+
			"flow.Deferred errbacks with it.",
		func(e *edge) {
			var st flow.Stage
			selfish := func(yield func(any) bool) error {
				_ = yield("before") && yield(st) && yield("after")
				return nil
			}
			st = flow.Wrap(flow.Generator(selfish))
			e.drain(e.block(st))
			st = flow.Wrap(flow.Generator(selfish))
			e.outcome(e.deferred(st))
			var a, b flow.Stage
			a = flow.Wrap(flow.Generator(func(yield func(any) bool) error {
				yield(b)
				return nil
			}))
			b = flow.Wrap(flow.Generator(func(yield func(any) bool) error {
				yield(a)
				return nil
			}))
			e.drain(e.block(a))
			e.t.Print("the process goes on")
		})
}
