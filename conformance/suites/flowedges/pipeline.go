package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// loop is Python's `for x in it: print 'got', x` followed by print 'end',
// over Block's All, or Next while pullMode is set.
func (e *edge) loop(b *flow.BlockStage, body func(x any)) {
	if pullMode.Load() {
		for {
			x, err := b.Next()
			if isStop(err) {
				break
			}
			if err != nil {
				e.raised(err)
				return
			}
			body(x)
		}
	} else {
		for x, err := range b.All() {
			if err != nil {
				e.raised(err)
				return
			}
			body(x)
		}
	}
	e.t.Print("end")
}

func init() {
	scenario("pipeline.callOrder", func(e *edge) {
		gen := func(yield func(any) bool) error {
			for i := range 4 {
				e.t.Print("gen", i)
				if !yield(i) {
					return nil
				}
				if i == 1 && !yield(flow.Cooperate(0.5)) {
					return nil
				}
			}
			e.t.Print("gen done")
			return nil
		}
		keep := func(x any) (bool, error) {
			e.t.Print("filter", x)
			return x != 2, nil
		}
		double := func(args ...any) (any, error) {
			e.t.Print("map", args[0])
			return args[0].(int) * 2, nil
		}
		e.loop(e.block(flow.Map(double, flow.Filter(keep, flow.Generator(gen)))), func(x any) {
			e.t.Print("got", x)
		})
	})
	scenario("pipeline.lineBreakOrder", func(e *edge) {
		chunks := func(yield func(any) bool) error {
			for _, c := range []string{"a\nb", "", "c\nd\ne\n", "f"} {
				e.t.Print("chunk", twisted.Repr(c))
				if !yield(c) {
					return nil
				}
			}
			e.t.Print("chunks done")
			return nil
		}
		nonEmpty := func(c any) (bool, error) {
			e.t.Print("filter", twisted.Repr(c))
			return flow.Truthy(c), nil
		}
		e.loop(e.block(flow.LineBreak(flow.Filter(nonEmpty, flow.Generator(chunks)),
			flow.LineBreakOptions{Delimiter: "\n", Trailer: true})), func(line any) {
			e.t.Print("line", twisted.Repr(line))
		})
	})
	scenario("pipeline.failureOrder", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield(1) {
				return nil
			}
			e.t.Print("gen raises")
			return twisted.KeyError.New("k")
		}
		keep := func(x any) (bool, error) {
			e.t.Print("filter", x)
			return true, nil
		}
		inc := func(args ...any) (any, error) {
			e.t.Print("map", args[0])
			return args[0].(int) + 1, nil
		}
		e.loop(e.block(flow.Map(inc, flow.Filter(keep, flow.Generator(gen))), twisted.KeyError), func(x any) {
			e.t.Print("got", x)
		})
	})
	deviation("pipeline.breakEarly",
		"Leaving a loop over Block early leaves the original's generator suspended until the garbage collector "+
			"closes it (here at `del b`). Go closes the flow as the loop is left, so the generator's deferred "+
			"calls (its finally) run before the code after the loop.",
		func(e *edge) {
			gen := func(yield func(any) bool) error {
				defer e.t.Print("gen closed")
				for i := range 5 {
					e.t.Print("gen", i)
					if !yield(i) {
						return nil
					}
				}
				return nil
			}
			b := e.block(flow.Filter(nil, flow.Generator(gen)))
			for x, err := range b.All() {
				if err != nil {
					break
				}
				e.t.Print("got", x)
				if x == 2 {
					break
				}
			}
			e.t.Print("after loop")
			b.Close() // del b
			e.t.Print("end")
		})
}

func init() {
	scenario("merge.stopResetsRound", func(e *edge) {
		a := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield(flow.Cooperate(0.5)) && yield("a")
				return nil
			}
		}
		b := func() flow.Generator {
			return func(yield func(any) bool) error { return nil }
		}
		e.drain(e.block(flow.Merge(a(), b())))
		e.run(flow.Merge(a(), b()))
	})
	scenario("pipeline.inlineStage", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield(1) || !yield(flow.Wrap([]any{flow.Cooperate(0.5)})) || !yield(0) {
				return nil
			}
			d := deferred.New()
			d.Callback("ignored")
			_ = yield(d) && yield(2)
			return nil
		}
		e.drain(e.block(flow.Filter(nil, flow.Generator(gen))))
	})
	deviation("pipeline.unfiredDeferred", blockUnsupported, func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield(1) && yield(deferred.New()) && yield(2)
			return nil
		}
		e.drain(e.block(flow.Filter(nil, flow.Generator(gen))))
	})
}
