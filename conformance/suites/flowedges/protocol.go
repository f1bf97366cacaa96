package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// chunkReader yields src, then each chunk it gives (src is chunked).
func chunkReader(src flow.Stage) flow.Generator {
	return func(yield func(any) bool) error {
		if !yield(src) {
			return nil
		}
		for {
			chunk, err := src.Next()
			if err != nil {
				return err
			}
			if !yield(chunk) || !yield(src) {
				return nil
			}
		}
	}
}

func init() {
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
	scenario("next.mergeBeforeYield", func(e *edge) {
		for _, stage := range []flow.Stage{flow.Merge([]any{1}), flow.Zip([]any{1}, []any{2}), flow.Map(nil, []any{1}),
			flow.Callback(), flow.Concurrent([]any{1})} {
			if _, err := stage.Next(); twisted.ClassOf(err) == flow.NotReadyError {
				e.raised(err)
			}
		}
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
	scenario("next.beforeYield", func(e *edge) {
		gen := func(yield func(any) bool) error {
			yield(1)
			return nil
		}
		for _, src := range []any{[]any{1, 2}, flow.Generator(gen), "abc"} {
			v, err := flow.Wrap(src).Next()
			if err != nil {
				e.raised(err)
				continue
			}
			e.t.Repr(v)
		}
	})
	scenario("next.afterStop", func(e *edge) {
		consumer := func(yield func(any) bool) error {
			src := flow.Wrap([]any{1})
			if !yield(src) {
				return nil
			}
			v, _ := src.Next()
			e.t.Print("next", v)
			if !yield(src) {
				return nil
			}
			for i := range 2 {
				if _, err := src.Next(); isStop(err) {
					e.t.Print("StopIteration", i)
				}
			}
			if !yield(src) {
				return nil
			}
			if _, err := src.Next(); isStop(err) {
				e.t.Print("StopIteration after another yield")
			}
			return nil
		}
		e.drain(e.block(flow.Generator(consumer)))
	})
	scenario("next.notYieldedAgain", func(e *edge) {
		consumer := func(yield func(any) bool) error {
			src := flow.Wrap([]any{1, 2, 3, flow.Cooperate(0), 4, flow.Cooperate(0.5), 5})
			if !yield(src) {
				return nil
			}
			var got []any
			for range 5 {
				v, err := src.Next()
				if err != nil {
					return err
				}
				got = append(got, v)
			}
			e.t.Print(got...)
			if _, err := src.Next(); isStop(err) {
				e.t.Print("StopIteration without another yield")
			}
			return nil
		}
		e.drain(e.block(flow.Generator(consumer)))
	})
	scenario("next.afterFailure", func(e *edge) {
		consumer := func(yield func(any) bool) error {
			src := flow.Wrap(raising(twisted.ValueError.New("bad"), "x"))
			if !yield(src) {
				return nil
			}
			v, _ := src.Next()
			e.t.Print(v)
			if !yield(src) {
				return nil
			}
			if _, err := src.Next(); twisted.ClassOf(err) == twisted.ValueError {
				e.raised(err)
			}
			if _, err := src.Next(); isStop(err) {
				e.t.Print("StopIteration")
			}
			return nil
		}
		e.drain(e.block(flow.Generator(consumer)))
	})
	scenario("next.afterTrapped", func(e *edge) {
		consumer := func(yield func(any) bool) error {
			src := flow.Wrap(raising(twisted.ValueError.New("bad"), "x"), twisted.ValueError)
			if !yield(src) {
				return nil
			}
			v, _ := src.Next()
			e.t.Print(v)
			if !yield(src) {
				return nil
			}
			v, _ = src.Next()
			e.t.Print(v)
			if _, err := src.Next(); isStop(err) {
				e.t.Print("StopIteration")
			}
			return nil
		}
		e.drain(e.block(flow.Generator(consumer)))
	})
	scenario("chunked.list", func(e *edge) {
		src := flow.Wrap([]any{1, 2, flow.Cooperate(0), 3, flow.Cooperate(0), 4, 5})
		src.State().Chunked = true
		e.drain(e.block(chunkReader(src)))
	})
	scenario("chunked.iterator", func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield("a") && yield("b") && yield(flow.Cooperate(0)) && yield("c")
			return nil
		}
		src := flow.Wrap(flow.Generator(gen))
		src.State().Chunked = true
		e.drain(e.block(chunkReader(src)))
	})
	scenario("chunked.merge", func(e *edge) {
		src := flow.Merge([]any{1, 2, flow.Cooperate(0), 3}, []any{"a", "b", "c"})
		src.Chunked = true
		e.drain(e.block(chunkReader(src)))
	})
	scenario("chunked.trapped", func(e *edge) {
		src := flow.Merge(raising(twisted.KeyError.New("k"), 1, 2))
		src.Chunked = true
		e.drain(e.block(chunkReader(flow.Wrap(src, twisted.KeyError))))
	})
}
