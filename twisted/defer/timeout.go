package deferred

import (
	"math"

	"github.com/twistedflow/twistedflow/internal/timers"
	"github.com/twistedflow/twistedflow/twisted"
)

// AddTimeout times d out: it schedules d to be cancelled after timeout
// seconds on clock (a reactor.IReactorTime: a reactor.Reactor or a
// reactor.Clock), and returns d: addTimeout(timeout, clock,
// onTimeoutCancel). A nil clock panics, as Python's call without one
// raises.
//
// The timeout covers the callbacks added to d before AddTimeout and none
// added after it. If d fires first, the scheduled cancellation is
// cancelled.
//
// If d times out, the result it has right after the cancellation (most
// often a CancelledError failure, unless d's canceller or an earlier
// errback gave another) is passed to onTimeoutCancel with the timeout, and
// what onTimeoutCancel returns becomes d's result: a *twisted.Failure
// goes down the errback path (as does a panic), anything else the callback
// path. A nil onTimeoutCancel turns a CancelledError failure into a
// TimeoutError(timeout, "Deferred") failure and leaves any other result
// alone (an integral timeout is an int there, as a Python caller writes
// it: TimeoutError(10, 'Deferred')). onTimeoutCancel is not called when d
// is cancelled otherwise.
func (d *Deferred) AddTimeout(timeout float64, clock timers.IReactorTime, onTimeoutCancel func(result any, timeout float64) any) *Deferred {
	if clock == nil {
		panic(twisted.TypeError.New("Deferred.AddTimeout needs a clock (a reactor or a reactor.Clock)"))
	}
	timers.CheckTime(timeout)
	timedOut := false
	delayedCall := clock.CallLater(timeout, func() {
		timedOut = true
		d.Cancel()
	})
	if onTimeoutCancel == nil {
		onTimeoutCancel = cancelledToTimedOutError
	}
	d.AddBoth(func(result any) (any, error) {
		if timedOut {
			return onTimeoutCancel(result, timeout), nil
		}
		return result, nil
	})
	return d.AddBoth(func(result any) (any, error) {
		// Stop the pending cancellation now that d has fired.
		if delayedCall.Active() {
			delayedCall.Cancel()
		}
		return result, nil
	})
}

// cancelledToTimedOutError is Twisted's _cancelledToTimedOutError, the
// default onTimeoutCancel.
func cancelledToTimedOutError(result any, timeout float64) any {
	if f, ok := result.(*twisted.Failure); ok {
		f.Trap(CancelledError)
		return twisted.NewFailure(TimeoutError.New(pythonNumber(timeout), "Deferred"))
	}
	return result
}

// pythonNumber returns an integral x as an int, so that it prints as the
// Python caller most likely wrote it (addTimeout(10, clock) fails with
// TimeoutError(10, 'Deferred')), and any other x as it is.
func pythonNumber(x float64) any {
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return int(x)
	}
	return x
}

// Timeout errbacks d with TimeoutError("Callback timed out"): Twisted's
// deprecated defer.timeout(d).
//
// Deprecated: use AddTimeout, as Twisted says since 17.1.
func Timeout(d *Deferred) {
	d.Errback(TimeoutError.New("Callback timed out"))
}
