package flowedges

import (
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// ticker cooperates for step before each of its n values, printing a tick.
func (e *edge) ticker(n int, step float64) flow.Generator {
	return func(yield func(any) bool) error {
		for i := range n {
			if !yield(flow.Cooperate(step)) {
				return nil
			}
			e.t.Print("tick", i)
			if !yield(i) {
				return nil
			}
		}
		return nil
	}
}

func init() {
	scenario("gendeferred.inMerge", func(e *edge) {
		waiter := func(yield func(any) bool) error {
			d := deferred.New()
			e.callLater(0.25, func() { d.Callback("x") })
			e.t.Print("waiter waits")
			if !yield(d) {
				return nil
			}
			e.t.Print("waiter resumed, fired:", d.Called())
			yield("w")
			return nil
		}
		e.run(flow.Merge(flow.Generator(waiter), e.ticker(3, 0.1)))
	})
	scenario("merge.deferredAndTicker", func(e *edge) {
		d := deferred.New()
		e.callLater(0.3, func() { d.Callback("late") })
		e.run(flow.Merge(d, e.ticker(4, 0.2)))
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
	scenario("callback.errbackOnly", func(e *edge) {
		cb := flow.Callback(twisted.IOError)
		cb.Errback(twisted.NewFailure(twisted.IOError.New("first")))
		e.run(cb)
		cb = flow.Callback()
		e.outcome(e.deferred(cb))
		e.t.Print("waiting")
		cb.Errback(twisted.NewFailure(twisted.IOError.New("later")))
	})
	scenario("linebreak.nonString", func(e *edge) {
		src := []any{12, "\n", 3.5, "\n", []any{"x"}, "\n"}
		e.drain(e.block(flow.LineBreak(newSlowlist(src...), flow.LineBreakOptions{Delimiter: "\n"})))
	})
	scenario("stage.manualProtocol", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield(1) || !yield(2) || !yield(flow.Cooperate(0)) || !yield(3) {
				return nil
			}
			return twisted.KeyError.New("k")
		}
		consumer := func(yield func(any) bool) error {
			src := flow.Wrap(flow.Generator(gen))
			st := src.State()
			for {
				if !yield(src) {
					return nil
				}
				if len(st.Results) > 0 {
					e.t.Print("results", st.Results)
					st.Results = nil
				}
				if st.Stop {
					e.t.Print("stop")
					break
				}
				if st.Failure != nil {
					st.Stop = true
					e.t.Print("failure", st.Failure.Type.Name())
					break
				}
			}
			yield("done")
			return nil
		}
		e.drain(e.block(flow.Generator(consumer)))
	})
	deviation("block.asStage",
		"The original's Block is a Stage without _yield: yielded inside another flow, its NotImplementedError "+
			"escapes. Go's Block is a stage whose Yield runs the flow it blocks on, sleeping through its Cooperates.",
		func(e *edge) {
			gen := func(yield func(any) bool) error {
				_ = yield(1) && yield(flow.Cooperate(0)) && yield(2)
				return nil
			}
			e.outcome(e.deferred(e.block(flow.Generator(gen))))
		})
	scenario("nested.inlineFailure", func(e *edge) {
		gen := func() flow.Generator {
			return func(yield func(any) bool) error {
				bad := raising(twisted.ValueError.New("unseen"), "b")
				_ = yield("before") && yield(flow.Wrap(bad)) && yield("after")
				return nil
			}
		}
		e.drain(e.block(gen()))
		e.run(gen())
	})
	scenario("wrap.callableReturningStage", func(e *edge) {
		e.drain(e.block(func() any { return flow.Wrap([]any{1, 2}) }))
		e.drain(e.block(func() any { return flow.Wrap("abc") }))
	})
	scenario("threaded.list", func(e *edge) {
		e.real = e.realReactor()
		printer := func(yield func(any) bool) error {
			src := e.threaded([]any{"x", "y", "z"})
			if !yield(src) {
				return nil
			}
			for {
				v, err := src.Next()
				if err != nil {
					return err
				}
				e.t.Print("got", v)
				if !yield(strings.ToUpper(v.(string))) || !yield(src) {
					return nil
				}
			}
		}
		e.run(flow.Generator(printer))
	})
	scenario("next.mergeBeforeYield", func(e *edge) {
		for _, stage := range []flow.Stage{flow.Merge([]any{1}), flow.Zip([]any{1}, []any{2}), flow.Map(nil, []any{1}),
			flow.Callback(), flow.Concurrent([]any{1})} {
			if _, err := stage.Next(); twisted.ClassOf(err) == flow.NotReadyError {
				e.raised(err)
			}
		}
	})
}

func init() {
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
	scenario("linebreak.sourceFailure", func(e *edge) {
		gen := func() flow.Generator { return raising(twisted.KeyError.New("k"), "a\nb", "c\nd") }
		e.drain(e.block(flow.LineBreak(gen(), flow.LineBreakOptions{Delimiter: "\n"})))
		e.drain(e.block(flow.LineBreak(gen(), flow.LineBreakOptions{Delimiter: "\n"}, twisted.KeyError)))
	})
	scenario("wrap.noneValues", func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield(twisted.None) && yield(0) && yield(false)
			return nil
		}
		e.drain(e.block([]any{twisted.None, 0, ""}))
		e.run(flow.Generator(gen))
	})
	scenario("callback.pushDuringCooperate", func(e *edge) {
		cb := flow.Callback()
		consumer := func(yield func(any) bool) error {
			if !yield(cb) {
				return nil
			}
			for {
				x, err := cb.Next()
				if err != nil {
					return err
				}
				e.t.Print("got", x)
				if !yield(flow.Cooperate(0.2)) {
					return nil
				}
				e.t.Print("after pause", x)
				if !yield(cb) {
					return nil
				}
			}
		}
		e.callLater(0.05, func() { cb.Result(1) })
		e.callLater(0.1, func() { cb.Result(2) })
		e.callLater(0.5, cb.Finish)
		e.run(flow.Generator(consumer))
	})
}

func init() {
	deviation("merge.deferredPileUp",
		"Each time a flow suspends while a Deferred it waits on is unfired, the original adds one more resume "+
			"callback to that Deferred; when it fires they all run at once, and each resumption runs the other "+
			"branches on past their Cooperates. Go registers one wake-up per Deferred per flow: the ticker keeps "+
			"its pace.",
		func(e *edge) {
			d := deferred.New()
			e.callLater(0.3, func() { d.Callback("late") })
			marker := func() { e.t.Print("marker at 0.35") }
			e.callLater(0.35, marker)
			ticker := func(yield func(any) bool) error {
				for i := range 5 {
					if !yield(flow.Cooperate(0.2)) {
						return nil
					}
					e.t.Print("tick", i)
					if !yield(i) {
						return nil
					}
				}
				return nil
			}
			e.run(flow.Merge(d, flow.Generator(ticker)))
		})
}

func init() {
	scenario("wrap.listCopied", func(e *edge) {
		src := []any{1, 2, 3}
		s := flow.Wrap(src)
		src[0] = "changed"
		_ = append(src, 4)
		e.drain(e.block(s))
	})
	scenario("chunked.keptChunks", func(e *edge) {
		cb := flow.Callback()
		cb.Chunked = true
		consumer := func(yield func(any) bool) error {
			var kept []any
			if !yield(cb) {
				return nil
			}
			for {
				chunk, err := cb.Next()
				if isStop(err) {
					break
				}
				if err != nil {
					return err
				}
				kept = append(kept, chunk)
				if !yield(cb) {
					return nil
				}
			}
			e.t.Print("kept", kept)
			return nil
		}
		e.outcome(e.deferred(flow.Generator(consumer)))
		cb.Result(1)
		cb.Result(2)
		cb.Result(3)
		cb.Finish()
	})
}

func init() {
	scenario("map.argsKept", func(e *edge) {
		pack := func(args ...any) (any, error) { return twisted.Tuple(args), nil }
		e.drain(e.block(flow.Map(pack, []any{1, 2, 3}, []any{"a", "b"})))
		e.run(flow.Map(pack, []any{1, 2, 3}, []any{"a", "b"}))
	})
}
