package timers

import (
	"math"

	"github.com/twistedflow/twistedflow/twisted"
)

// CheckTime is the one rule for every time argument (a delay, an interval,
// a timeout, an amount to advance a Clock by): it panics with an
// AssertionError, "nan is not a number of seconds", if seconds is NaN.
//
// Twisted takes NaN and then misbehaves: a Clock's time or a call's time
// becomes NaN, so the call never runs and the Clock never runs anything
// again, a LoopingCall never ticks; in Go such a time would corrupt the
// queue's order. The reactor's CallLater keeps Twisted's own assertion for
// NaN and negative delays ("nan is not greater than or equal to 0
// seconds"). Infinite delays are kept: +Inf is "never", -Inf "overdue".
func CheckTime(seconds float64) {
	if math.IsNaN(seconds) {
		panic(twisted.AssertionError.New("nan is not a number of seconds"))
	}
}

// CheckAdvance is CheckTime for an amount a Clock moves by, which must
// also be finite: a Clock at an infinite time could never come back.
// Twisted's Clock takes it and then stays at that time for ever.
func CheckAdvance(amount float64) {
	CheckTime(amount)
	if math.IsInf(amount, 0) {
		panic(twisted.AssertionError.New(twisted.Repr(amount) + " is not a finite number of seconds"))
	}
}
