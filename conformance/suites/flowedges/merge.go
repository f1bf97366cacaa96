package flowedges

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// branch gives name0..name2, cooperating before the i-th value for the
// timeout pauses[i]; when say is set it prints what it does.
func branch(say func(...any), name string, pauses map[int]float64) flow.Generator {
	return func(yield func(any) bool) error {
		for i := range 3 {
			if p, ok := pauses[i]; ok {
				say(name, "cooperates", p)
				if !yield(flow.Cooperate(p)) {
					return nil
				}
			}
			say(name, "gives", i)
			if !yield(fmt.Sprintf("%s%d", name, i)) {
				return nil
			}
		}
		return nil
	}
}

func quiet(...any) {}

// concurrentReader yields (name, value) for each branch Concurrent gives.
func concurrentReader(both *flow.ConcurrentStage, names map[flow.Stage]string, say func(...any)) flow.Generator {
	return func(yield func(any) bool) error {
		if !yield(both) {
			return nil
		}
		for {
			v, err := both.Next()
			if err != nil {
				return err
			}
			stage := v.(flow.Stage)
			name := names[stage]
			value, err := stage.Next()
			if err != nil {
				return err
			}
			say("consumer", name, value)
			if !yield(twisted.Tuple{name, value}) || !yield(both) {
				return nil
			}
		}
	}
}

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
	scenario("merge.threeCooperates", func(e *edge) {
		e.run(flow.Merge(branch(e.t.Print, "a", map[int]float64{0: 0.1}),
			branch(e.t.Print, "b", map[int]float64{1: 0.2}),
			branch(e.t.Print, "c", map[int]float64{0: 0.3, 2: 0.1})))
	})
	scenario("merge.threeBlock", func(e *edge) {
		e.drain(e.block(flow.Merge(branch(quiet, "a", map[int]float64{1: 0.1}), branch(quiet, "b", nil),
			branch(quiet, "c", map[int]float64{2: 0.3}))))
		e.drain(e.block(flow.Merge(branch(quiet, "a", nil), []any{"x", flow.Cooperate(0.2), "y"})))
	})
	scenario("merge.rotation", func(e *edge) {
		gen := func(name string) flow.Generator {
			return func(yield func(any) bool) error {
				for i := range 3 {
					if !yield(fmt.Sprint(name, i)) {
						return nil
					}
				}
				return nil
			}
		}
		e.drain(e.block(flow.Merge(gen("g"), []any{"l0", "l1", "l2"}, gen("h"))))
	})
	scenario("merge.empty", func(e *edge) {
		e.drain(e.block(flow.Merge([]any{}, []any{1, 2}, "")))
		e.drain(e.block(flow.Merge([]any{}, twisted.Tuple{})))
		e.run(flow.Merge([]any{}, []any{1}))
	})
	scenario("concurrent.stages", func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield("g0") && yield(flow.Cooperate(0)) && yield("g1")
			return nil
		}
		a := flow.Wrap([]any{"l0", "l1"})
		b := flow.Wrap(flow.Generator(gen))
		names := map[flow.Stage]string{a: "list", b: "gen"}
		e.run(concurrentReader(flow.Concurrent(a, b), names, quiet))
	})
	scenario("concurrent.callbackBursts", func(e *edge) {
		ca := flow.Callback()
		cb := flow.Callback()
		names := map[flow.Stage]string{ca: "a", cb: "b"}
		burst := func(label int, pushes ...func()) func() {
			return func() {
				e.t.Print("burst", label)
				for _, push := range pushes {
					push()
				}
			}
		}
		e.callLater(0.05, burst(1, func() { ca.Result(1) }, func() { ca.Result(2) }, func() { cb.Result(3) }))
		e.callLater(0.10, burst(2, func() { cb.Result(4) }, ca.Finish))
		e.callLater(0.15, burst(3, func() { cb.Result(5) }, func() { cb.Result(6) }, cb.Finish))
		e.run(concurrentReader(flow.Concurrent(ca, cb), names, e.t.Print))
	})
	scenario("merge.deferredAndTicker", func(e *edge) {
		d := deferred.New()
		e.callLater(0.3, func() { d.Callback("late") })
		e.run(flow.Merge(d, e.ticker(4, 0.2)))
	})
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
}

func init() {
	scenario("merge.callbackAndTicker", func(e *edge) {
		cb := flow.Callback()
		push := func(x any) func() {
			return func() {
				e.t.Print("push", x)
				cb.Result(x)
			}
		}
		finish := func() {
			e.t.Print("finish")
			cb.Finish()
		}
		e.callLater(0.1, push("x"))
		e.callLater(0.5, push("y"))
		e.callLater(0.9, finish)
		e.run(flow.Merge(cb, e.ticker(3, 0.2)))
	})
}
