package flowedges

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// relay yields f(x) for each value x of source; when say is set it prints
// "<name> got x" first; after the source ends it prints after, if set.
func relay(say func(...any), name string, source any, f func(int) int, after string) flow.Generator {
	return func(yield func(any) bool) error {
		src := flow.Wrap(source)
		if !yield(src) {
			return nil
		}
		for {
			x, err := src.Next()
			if isStop(err) {
				break
			}
			if err != nil {
				return err
			}
			say(name+" got", x)
			if !yield(f(x.(int))) || !yield(src) {
				return nil
			}
		}
		if after != "" {
			say(after)
		}
		return nil
	}
}

func times10(x int) int { return x * 10 }

func plus1(x int) int { return x + 1 }

func init() {
	deviation("gen.closedOnFailure",
		"When a flow fails, the original leaves its other suspended generators to the garbage collector, "+
			"which closes them (runs their finally) whenever it collects the flow. Go's controller closes "+
			"the flow as it fails: their deferred calls run before the Deferred's errback.",
		func(e *edge) {
			failing := raising(twisted.KeyError.New("k"), 1)
			sibling := func(yield func(any) bool) error {
				defer e.t.Print("sibling closed")
				for i := range 10 {
					if !yield(fmt.Sprintf("sib%d", i)) || !yield(flow.Cooperate(0)) {
						return nil
					}
				}
				return nil
			}
			e.outcome(e.deferred(flow.Merge(failing, flow.Generator(sibling))))
			e.t.Print("after flow")
			// del d; gc.collect(): nothing left to release in Go.
			e.t.Print("end")
		})
	scenario("gen.closedOnTrap", func(e *edge) {
		gen := func(yield func(any) bool) error {
			defer e.t.Print("gen finally")
			if !yield(1) {
				return nil
			}
			return twisted.KeyError.New("k")
		}
		e.run(flow.Generator(gen), twisted.KeyError)
		e.t.Print("end")
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
	scenario("nested.threeDeep", func(e *edge) {
		bottom := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield(1) && yield(flow.Cooperate(0.5)) && yield(2) && yield(3)
				return nil
			}
		}
		middle := func() flow.Generator { return relay(e.t.Print, "middle", bottom(), times10, "") }
		top := func() flow.Generator { return relay(e.t.Print, "top", middle(), plus1, "") }
		e.drain(e.block(top()))
		e.run(top())
	})
	scenario("nested.failureThreeDeep", func(e *edge) {
		bottom := func() flow.Generator { return raising(twisted.ValueError.New("deep"), 1) }
		middle := func() flow.Generator { return relay(quiet, "middle", bottom(), times10, "middle not reached") }
		top := func() flow.Generator { return relay(quiet, "top", middle(), plus1, "top not reached") }
		e.drain(e.block(top(), twisted.ValueError))
		e.run(top())
	})
	scenario("nested.yieldStageInline", func(e *edge) {
		gen := func() flow.Generator {
			return func(yield func(any) bool) error {
				_ = yield("before") && yield(flow.Wrap([]any{"x", flow.Cooperate(0.5), "y"})) && yield("after")
				return nil
			}
		}
		e.drain(e.block(gen()))
		e.run(gen())
	})
}
