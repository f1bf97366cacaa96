package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
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
func plus1(x int) int   { return x + 1 }

func init() {
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

	scenario("gendeferred.alreadyFired", func(e *edge) {
		gen := func() flow.Generator {
			return func(yield func(any) bool) error {
				if !yield(1) {
					return nil
				}
				d := deferred.New()
				d.Callback("fired")
				_ = yield(d) && yield(2)
				return nil
			}
		}
		e.drain(e.block(gen()))
		e.run(gen())
	})
	scenario("gendeferred.notFired", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield(1) {
				return nil
			}
			d := deferred.New()
			e.callLater(0.05, func() { d.Callback("later") })
			e.t.Print("waiting")
			if !yield(d) {
				return nil
			}
			e.t.Print("resumed")
			yield(2)
			return nil
		}
		e.run(flow.Generator(gen))
	})
	scenario("gendeferred.failed", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield(1) {
				return nil
			}
			d := deferred.New()
			e.callLater(0.05, func() { d.Errback(twisted.NewFailure(twisted.IOError.New("late"))) })
			if !yield(d) {
				return nil
			}
			e.t.Print("resumed")
			yield(2)
			return nil
		}
		e.run(flow.Generator(gen))
	})
	deviation("gendeferred.resultOverwritten",
		"A flow waiting on the user's Deferred adds its resume callback with addBoth, and that callback returns "+
			"None: the original replaces the Deferred's result with None for every callback added after it. "+
			"Go's resume callback passes the result on unchanged.",
		func(e *edge) {
			d := deferred.New()
			gen := func(yield func(any) bool) error {
				_ = yield(1) && yield(d) && yield(2)
				return nil
			}
			e.outcome(e.deferred(flow.Generator(gen)))
			show := func(r any) (any, error) {
				e.t.Print("user callback got", twisted.Repr(r))
				return nil, nil
			}
			d.Callback("precious")
			d.AddCallback(show)
		})
}
