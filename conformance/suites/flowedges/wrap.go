package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// count counts down from n-1 to 0, an iterator class.
type count struct{ n int }

func (c *count) Next() (any, error) {
	if c.n == 0 {
		return nil, twisted.StopIteration.New()
	}
	c.n--
	return c.n, nil
}

func init() {
	scenario("wrap.kinds", func(e *edge) {
		genfunc := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("g") && yield("h")
				return nil
			}
		}
		stage := flow.Wrap([]any{"s"})
		for _, src := range []any{"str", "", []any{"l", 1}, twisted.Tuple{"t", 2}, twisted.Tuple{}, genfunc,
			func() any { return "called" }, func() any { return []any{"from", "callable"} }, &count{3}, stage} {
			e.drain(e.block(src))
		}
		e.t.Print(flow.Wrap(stage) == stage)
	})
	scenario("wrap.unwrappable", func(e *edge) {
		for _, obj := range []any{5, twisted.None, func() any { return 7 }} {
			// Go's Wrap gives a stage that fails with the ValueError
			// Python's wrap raises.
			if _, err := flow.Block(flow.Wrap(obj)).Next(); twisted.ClassOf(err) == twisted.ValueError {
				e.raised(err)
			}
		}
	})
	scenario("wrap.deferred", func(e *edge) {
		a := deferred.New()
		a.Callback("early")
		e.drain(e.block(a))
		b := deferred.New()
		b.Errback(twisted.NewFailure(twisted.IOError.New("bad")))
		e.drain(e.block(b, twisted.IOError))
		c := deferred.New()
		c.Errback(twisted.NewFailure(twisted.IOError.New("bad")))
		e.drain(e.block(c))
		l := deferred.New()
		e.callLater(0.05, func() { l.Callback("late") })
		e.run(l)
	})
	scenario("wrap.listInstructions", func(e *edge) {
		e.drain(e.block([]any{1, flow.Cooperate(0.5), 2, flow.Cooperate(0), 3}))
		e.run([]any{1, flow.Cooperate(0), 2})
	})

	scenario("block.recordingSleep", func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield(1) && yield(flow.Cooperate(0.5)) && yield(2) && yield(flow.Cooperate(2)) &&
				yield(flow.Cooperate(0)) && yield(3)
			return nil
		}
		e.drain(e.block(flow.Generator(gen)))
	})
	scenario("block.nextAfterEnd", func(e *edge) {
		b := e.block([]any{1})
		v, _ := b.Next()
		e.t.Print(v)
		for i := range 2 {
			if _, err := b.Next(); isStop(err) {
				e.t.Print("StopIteration", i)
			}
		}
	})
	scenario("block.buildList", func(e *edge) {
		buildlist := func(src flow.Stage) flow.Generator {
			return func(yield func(any) bool) error {
				out := []any{}
				if !yield(src) {
					return nil
				}
				for {
					itm, err := src.Next()
					if isStop(err) {
						break
					}
					if err != nil {
						return err
					}
					out = append(out, itm)
					if !yield(src) {
						return nil
					}
				}
				yield(out)
				return nil
			}
		}
		src := flow.Wrap([]any{1, flow.Cooperate(0.25), 2, 3})
		b := e.block(buildlist(src))
		v, _ := b.Next()
		e.t.Print(v)
		b.Close() // Go: release the generator Python leaves to the garbage collector
	})

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
