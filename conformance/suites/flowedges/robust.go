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
