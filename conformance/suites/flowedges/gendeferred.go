package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

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
			// The original's resume callback swallows the failure; Go's
			// passes it on, so consume it here rather than have it logged
			// as unhandled (PORTING.md, the twisted.flow deviations).
			d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
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
	deviation("gendeferred.blockUnfired", blockUnsupported, func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield(1) && yield(deferred.New()) && yield(2)
			return nil
		}
		e.drain(e.block(flow.Generator(gen)))
	})
}
