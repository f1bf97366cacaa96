package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
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

// anyChunks gives its chunks, of any type; Chunked says so.
type anyChunks struct{ chunks []any }

func (c *anyChunks) Chunked() bool { return true }

func (c *anyChunks) Next() (any, error) {
	if len(c.chunks) == 0 {
		return nil, twisted.StopIteration.New()
	}
	v := c.chunks[0]
	c.chunks = c.chunks[1:]
	return v, nil
}

func init() {
	scenario("threaded.strings", func(e *edge) {
		d := e.outcome(e.deferred(deferred.DeferredList([]*deferred.Deferred{
			e.outcome(e.deferred(e.threaded("abc"))),
			e.outcome(e.deferred(e.threaded(&anyChunks{[]any{"ab", "", "c"}}))),
		})))
		e.wait(d, 0.5)
	})
	deviation("threaded.notIterable",
		"Threaded over what iter() cannot iterate: the original stores the TypeError but never wakes the flow, "+
			"whose Deferred never fires; a chunk that is not a list raises in the reactor's call (which logs it), "+
			"and the flow goes on without it. Go fails the flow with Python's TypeError (\"'int' object is not iterable\").",
		func(e *edge) {
			outs := map[int]string{}
			var ds []*deferred.Deferred
			for i, source := range []any{5, 3.5, nil, &anyChunks{[]any{5}}} {
				d := e.deferred(e.threaded(source))
				d.AddCallbacks(func(r any) (any, error) {
					outs[i] = "result " + twisted.Repr(r)
					return nil, nil
				}, func(f *twisted.Failure) (any, error) {
					outs[i] = "failure " + f.Type.Name() + " " + f.GetErrorMessage()
					return nil, nil
				})
				ds = append(ds, d)
			}
			e.wait(deferred.DeferredList(ds), 0.5)
			for i := range ds {
				if out, ok := outs[i]; ok {
					e.t.Print(out)
				} else {
					e.t.Print("not fired")
				}
			}
		})
}
