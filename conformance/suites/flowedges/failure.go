package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// printer prints each value of its source, as it comes.
func (e *edge) printer(source any) flow.Generator {
	return func(yield func(any) bool) error {
		src := flow.Wrap(source)
		if !yield(src) {
			return nil
		}
		for {
			x, err := src.Next()
			if err != nil {
				return err
			}
			e.t.Print("printer got", x)
			if !yield(src) {
				return nil
			}
		}
	}
}

func init() {
	scenario("failure.afterResults", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.IOError.New("gone"), 1, 2) }
		e.drain(e.block(gen()))
		e.run(e.printer(gen()))
	})
	scenario("failure.deferredDropsResults", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield(1) || !yield(flow.Cooperate(0)) || !yield(2) {
				return nil
			}
			return twisted.IOError.New("gone")
		}
		e.run(flow.Generator(gen))
	})
	scenario("failure.midMap", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.ValueError.New("third"), 10, 20) }
		add := func(args ...any) (any, error) { return args[0].(int) + args[1].(int), nil }
		e.drain(e.block(flow.Map(add, []any{1, 2, 3, 4}, gen())))
		e.drain(e.block(flow.Map(add, []any{1, 2, 3, 4}, gen()), twisted.ValueError))
	})
	scenario("failure.mapFunc", func(e *edge) {
		inv := func(args ...any) (any, error) { return 10 / args[0].(int), nil }
		e.drain(e.block(flow.Map(inv, []any{5, 2, 0, 1})))
		e.drain(e.block(flow.Map(inv, []any{5, 2, 0, 1}), twisted.ZeroDivisionError))
		e.run(flow.Map(inv, []any{5, flow.Cooperate(0), 0, 1}))
	})
	scenario("failure.midZip", func(e *edge) {
		gen := func() flow.Generator {
			return func(yield func(any) bool) error {
				if !yield("a") || !yield(flow.Cooperate(0)) || !yield("b") {
					return nil
				}
				return twisted.KeyError.New("c")
			}
		}
		e.drain(e.block(flow.Zip([]any{1, 2, 3}, gen())))
		e.run(flow.Zip([]any{1, 2, 3}, gen()), twisted.KeyError)
	})
	scenario("failure.midMerge", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.KeyError.New("k"), 1, 2) }
		e.drain(e.block(flow.Merge([]any{"a", "b", "c", "d"}, gen())))
		e.drain(e.block(flow.Merge(gen(), []any{"a", "b", "c", "d"}), twisted.LookupError))
	})
	scenario("failure.firstValue", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.KeyError.New("early")) }
		d := e.outcome(e.deferred(gen()))
		e.t.Print(d.Called())
		e.outcome(e.deferred(gen(), twisted.KeyError))
	})
}

func init() {
	scenario("failure.pipeDropsResults", func(e *edge) {
		ok := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("a0") && yield("a1")
				return nil
			}
		}
		bad := func() flow.Generator { return raising(twisted.KeyError.New("k")) }
		identity := func(args ...any) (any, error) { return args[0], nil }
		e.drain(e.block(flow.Merge(ok(), bad())))
		e.drain(e.block(flow.Map(identity, flow.Merge(ok(), bad()))))
		e.drain(e.block(flow.Filter(nil, flow.Merge(ok(), bad()))))
		e.drain(e.block(flow.LineBreak(flow.Merge(ok(), bad()), flow.LineBreakOptions{Delimiter: "\n"})))
		e.run(flow.Filter(nil, flow.Merge(ok(), bad())), twisted.KeyError)
	})
}
