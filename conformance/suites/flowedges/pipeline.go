package flowedges

import (
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// upper is a Pipe of our own: it upper-cases its source's strings,
// printing each batch it is given.
type upper struct {
	flow.Pipe
	e *edge
}

func newUpper(e *edge, source any) *upper {
	u := &upper{e: e}
	u.Init(u, source)
	return u
}

func (u *upper) Process(results []any, stop bool) error {
	u.e.t.Print("process", results, stop)
	for _, r := range results {
		u.Results = append(u.Results, strings.ToUpper(r.(string)))
	}
	return nil
}

// batches is a Pipe that passes on each non-empty batch of its source's
// results as one value.
type batches struct{ flow.Pipe }

func newBatches(source any) *batches {
	b := &batches{}
	b.Init(b, source)
	return b
}

func (b *batches) Process(results []any, stop bool) error {
	if len(results) > 0 {
		b.Results = append(b.Results, results)
	}
	return nil
}

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
	scenario("pipe.keepsBatches", func(e *edge) {
		e.run(newBatches(newSlowlist(1, 2, 3)))
		e.run(newBatches(flow.Merge([]any{1, 2}, newSlowlist(3, 4))))
		out, _ := e.block(newBatches(flow.Merge([]any{1, 2}, newSlowlist(3, 4)))).List()
		e.t.Print(out)
	})
	scenario("pipe.custom", func(e *edge) {
		src := []any{"a", "b", flow.Cooperate(0), "c"}
		e.drain(e.block(newUpper(e, src)))
		e.run(newUpper(e, newSlowlist("x", "y")))
	})
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
			return twisted.Truthy(c), nil
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
