package threads

import (
	"context"

	"github.com/twistedflow/twistedflow/twisted"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Await waits, on a goroutine other than r's, for the result of d, a
// Deferred of r's goroutine (Twisted's Deferred.asFuture, for a goroutine
// instead of an asyncio loop): it returns d's result, or its failure as
// the error. If ctx is done first, d is cancelled on r's goroutine, as
// cancelling asFuture's Future cancels its Deferred, and Await returns
// ctx.Err(). As BlockingCallFromThreadContext, on which it is built, it
// fails with RuntimeError on r's own goroutine and with ReactorNotRunning
// once r has stopped. As with asFuture, d has no result left afterwards:
// Await takes it.
func Await(ctx context.Context, r *reactor.Reactor, d *deferred.Deferred) (any, error) {
	return BlockingCallFromThreadContext(ctx, r, func() (any, error) { return d, nil })
}

// DeferContext runs f on a goroutine of its own and returns a Deferred
// that fires on r's goroutine with f's result, or fails with its error
// or panic (Twisted's Deferred.fromFuture, for a Go function instead of
// an asyncio Future). f is given a context that is cancelled when the
// Deferred is cancelled (the Deferred then fails with
// deferred.CancelledError at once, and f's result is dropped), when r
// shuts down (the Deferred is cancelled in the before-shutdown phase, as
// flows are), and when f has returned.
//
// Unlike DeferToThread, f does not hold one of r's pool goroutines, so a
// function that waits (on a network, a timer, a channel) does not starve
// the pool; and Run does not wait for f: a function that ignores its
// context goes on after Run has returned, and its result is dropped.
// Call DeferContext on r's goroutine: the Deferred belongs there. Once r
// has stopped, the Deferred fails at once with ReactorNotRunning.
func DeferContext[T any](r *reactor.Reactor, f func(ctx context.Context) (T, error)) *deferred.Deferred {
	select {
	case <-r.Done():
		return deferred.Fail(reactor.ReactorNotRunning.New("DeferContext: the reactor has stopped"))
	default:
	}
	ctx, cancel := context.WithCancel(context.Background())
	d := deferred.NewWithCanceller(func(*deferred.Deferred) { cancel() })
	trigger := r.AddSystemEventTrigger("before", "shutdown", func() any {
		d.Cancel()
		return nil
	})
	go func() {
		res := deferred.Execute(func() (any, error) { return f(ctx) }) // fired here; only its result crosses over
		cancel()
		r.CallFromThread(func() {
			_ = r.RemoveSystemEventTrigger(trigger)
			if d.Called() {
				res.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil }) // cancelled: the result is dropped
				return
			}
			res.ChainDeferred(d)
		})
	}()
	return d
}
