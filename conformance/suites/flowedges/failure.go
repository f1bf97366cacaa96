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

	scenario("zip.unequal", func(e *edge) {
		e.drain(e.block(flow.Zip([]any{1, 2, 3}, []any{"a"})))
		e.drain(e.block(flow.Zip([]any{"a"}, []any{1, 2, 3})))
	})
	scenario("zip.three", func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield("g1") && yield(flow.Cooperate(0)) && yield("g2")
			return nil
		}
		e.drain(e.block(flow.Zip([]any{1, 2, 3, 4}, flow.Generator(gen), "str")))
	})
	scenario("zip.empty", func(e *edge) {
		e.drain(e.block(flow.Zip([]any{}, []any{})))
		e.drain(e.block(flow.Zip([]any{}, []any{1})))
		e.run(flow.Zip([]any{}, twisted.Tuple{}))
	})
	scenario("zip.deferredInput", func(e *edge) {
		d := deferredFired("only")
		e.drain(e.block(flow.Zip([]any{1, 2}, d)))
	})
	scenario("map.unequalFunc", func(e *edge) {
		pair := func(args ...any) (any, error) {
			return twisted.Str(args[0]) + "-" + twisted.Str(args[1]), nil
		}
		e.drain(e.block(flow.Map(pair, []any{1, 2, 3}, []any{"x"})))
		e.drain(e.block(flow.Map(pair, []any{}, []any{"x", "y"})))
	})
	scenario("map.noFunc", func(e *edge) {
		e.drain(e.block(flow.Map(nil, []any{1, 2})))
		e.drain(e.block(flow.Map(nil, []any{1, 2}, "ab")))
	})
	scenario("map.single", func(e *edge) {
		fn := func(args ...any) (any, error) { return args[0].(int) + 10, nil }
		e.run(flow.Map(fn, []any{0, 1, 2, 3}))
	})
	scenario("map.cooperateEach", func(e *edge) {
		a := func(yield func(any) bool) error {
			_ = yield(1) && yield(flow.Cooperate(0.25)) && yield(2)
			return nil
		}
		b := func(yield func(any) bool) error {
			_ = yield(flow.Cooperate(0.5)) && yield("x") && yield("y")
			return nil
		}
		tuple := func(args ...any) (any, error) { return twisted.Tuple{args[0], args[1]}, nil }
		e.drain(e.block(flow.Map(tuple, flow.Generator(a), flow.Generator(b))))
	})
}
