package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// twoBranches gives name0, cooperates for timeout, then gives name1.
func twoBranches(name string, timeout float64) flow.Generator {
	return func(yield func(any) bool) error {
		_ = yield(name+"0") && yield(flow.Cooperate(timeout)) && yield(name+"1")
		return nil
	}
}

const blockUnsupported = "Block can only wait for a Cooperate. The original raises Unsupported for any other " +
	"instruction, and Unsupported cannot be constructed (its __init__ calls TypeError.__init__ on a " +
	"NotImplementedError), so a TypeError escapes instead. Go fails with Unsupported, naming the instruction."

func init() {
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
	deviation("block.mergeAllCooperate",
		"When every branch of a Merge cooperates at once, the original's Block raises Unsupported for the "+
			"Concurrent instruction (a TypeError escapes, as Unsupported cannot be constructed). "+
			"Go's Block sleeps for the shortest of the branches' timeouts, then goes on.",
		func(e *edge) {
			e.drain(e.block(flow.Merge(twoBranches("a", 0.5), twoBranches("b", 0.25))))
		})
	deviation("block.concurrentCooperate",
		"When the only branches left to a Concurrent are paused, the original's Block raises Unsupported for the "+
			"Concurrent instruction (a TypeError escapes, as Unsupported cannot be constructed). "+
			"Go's Block sleeps for the shortest of their timeouts, then goes on.",
		func(e *edge) {
			gen := func(yield func(any) bool) error {
				_ = yield("g0") && yield(flow.Cooperate(0.5)) && yield("g1")
				return nil
			}
			consumer := func(yield func(any) bool) error {
				both := flow.Concurrent([]any{"l0"}, flow.Generator(gen))
				if !yield(both) {
					return nil
				}
				for {
					v, err := both.Next()
					if err != nil {
						return err
					}
					x, err := v.(flow.Stage).Next()
					if err != nil {
						return err
					}
					if !yield(x) || !yield(both) {
						return nil
					}
				}
			}
			e.drain(e.block(flow.Generator(consumer)))
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
}
