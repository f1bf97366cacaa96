package task

import (
	"github.com/twistedflow/twistedflow/internal/timers"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// DeferLater calls f after delay seconds on clock, and returns a [deferred.Deferred]
// that fires with f's result (or fails with its error or panic; if f
// returns a Deferred, with that Deferred's result). A nil f makes the
// Deferred fire with None (nil) after the delay. A nil clock means
// [reactor.Default](), as for [LoopingCall].
//
// Cancelling the Deferred before the delay has passed cancels the
// scheduled call: f is never called, and the Deferred fails with
// [deferred.CancelledError].
func DeferLater(clock reactor.IReactorTime, delay float64, f func() (any, error)) *deferred.Deferred {
	timers.CheckTime(delay)
	if clock == nil {
		clock = reactor.Default()
	}
	var delayedCall *reactor.DelayedCall
	d := deferred.NewWithCanceller(func(*deferred.Deferred) { _ = delayedCall.Cancel() })
	d.AddCallback(func(any) (any, error) {
		if f == nil {
			return nil, nil
		}
		return f()
	})
	delayedCall = clock.CallLater(delay, func() { d.Callback(nil) })
	return d
}
