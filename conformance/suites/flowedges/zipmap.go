package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

func init() {
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
	scenario("zip.callback", func(e *edge) {
		cb := flow.Callback()
		e.outcome(e.deferred(flow.Zip(cb, []any{"a", "b", "c"})))
		cb.Result(1)
		e.t.Print("after 1")
		cb.Result(2)
		e.t.Print("after 2")
		cb.Finish()
	})
	scenario("map.callbacks", func(e *edge) {
		a := flow.Callback()
		b := flow.Callback()
		pair := func(args ...any) (any, error) { return twisted.Tuple{args[0], args[1]}, nil }
		e.outcome(e.deferred(flow.Map(pair, a, b)))
		for _, p := range []struct {
			label string
			push  func()
		}{{"a1", func() { a.Result("a1") }}, {"b1", func() { b.Result("b1") }},
			{"b2", func() { b.Result("b2") }}, {"b3", func() { b.Result("b3") }},
			{"a2", func() { a.Result("a2") }}, {"a.finish", a.Finish},
			{"b.finish", b.Finish}} {
			e.t.Print("push", p.label)
			p.push()
		}
	})
	scenario("map.argsKept", func(e *edge) {
		pack := func(args ...any) (any, error) { return twisted.Tuple(args), nil }
		e.drain(e.block(flow.Map(pack, []any{1, 2, 3}, []any{"a", "b"})))
		e.run(flow.Map(pack, []any{1, 2, 3}, []any{"a", "b"}))
	})
}

func init() {
	scenario("map.argsKeptOne", func(e *edge) {
		pack := func(args ...any) (any, error) { return twisted.Tuple(args), nil }
		list := func(b *flow.BlockStage) []any {
			out, err := b.List()
			if err != nil {
				e.raised(err)
			}
			return out
		}
		e.t.Print(list(e.block(flow.Map(pack, []any{1, 2, 3}))))
		e.t.Print(list(e.block(flow.Map(pack, flow.Filter(nil, newSlowlist(0, 4, 5))))))
		e.run(flow.Map(pack, newSlowlist(6, 7)))
	})
}
