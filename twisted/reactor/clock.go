package reactor

import (
	"math"

	"github.com/twistedflow/twistedflow/internal/timers"
)

// A Clock is a deterministic, easily controlled implementation of
// [IReactorTime] (twisted.internet.task.Clock), for writing deterministic
// unit tests of code that schedules events with [Clock.CallLater]: its time
// starts at 0 and moves only when [Clock.Advance] or [Clock.Pump] moves it.
//
// Calls due at the same time run in the order Twisted's Clock runs them:
// the order they were scheduled in, a call rescheduled by Reset or Delay
// taking its place as in Twisted's stable sort (see Advance).
//
// A Clock is meant to be driven from one goroutine, but its methods, and
// those of its DelayedCalls, are safe to call from several. Calls run on
// the goroutine that calls Advance, with no lock held: they may schedule,
// cancel and reset calls, and even advance the clock.
type Clock struct {
	q        timers.Queue
	rightNow float64
}

var _ IReactorTime = (*Clock)(nil)

// NewClock returns a Clock at time 0 with no calls scheduled.
func NewClock() *Clock {
	c := &Clock{}
	c.q.Now = func() float64 { return c.rightNow }
	return c
}

// Seconds returns the time which should be considered the current time:
// it pretends to be time.time(). A DelayedCall's Reset uses it to work
// out the time to reschedule to.
func (c *Clock) Seconds() float64 {
	c.q.Mu.Lock()
	defer c.q.Mu.Unlock()
	return c.rightNow
}

// CallLater schedules f to be called when the clock has advanced delay
// seconds from now, and returns the DelayedCall that can cancel, delay or
// reset it. Unlike a Reactor's, a Clock's delay may be negative: the call
// is then overdue and runs at the next Advance. A NaN delay panics with an
// AssertionError, as every time argument does (see Advance).
func (c *Clock) CallLater(delay float64, f func()) *DelayedCall {
	c.q.Mu.Lock()
	defer c.q.Mu.Unlock()
	return c.q.Schedule(delay, f)
}

// GetDelayedCalls returns the calls scheduled and not yet run or
// cancelled, in the order of Twisted's Clock.calls list: the order they
// will run in, except that a call moved by Reset or Delay keeps its old
// place until the next CallLater or Advance.
func (c *Clock) GetDelayedCalls() []*DelayedCall {
	c.q.Mu.Lock()
	defer c.q.Mu.Unlock()
	return c.q.Pending()
}

// Advance moves time on this clock forward by amount seconds and runs
// whatever calls are then due: every call whose time is at or before the
// new time, earliest first, and among calls due at the same time the one
// scheduled first. A call scheduled or moved by one of these calls runs in
// the same Advance if it is due too.
//
// A call that was moved later with Reset or Delay goes before the calls
// already due at its new time, and one moved sooner after them, as
// Twisted's Clock orders them (it sorts its list of calls, stably, by
// time after each CallLater and each call it runs).
//
// If a call panics, the panic propagates out of Advance, as an exception
// raised by a call propagates out of Twisted's advance; the call counts as
// made and the calls not yet run stay scheduled.
//
// amount may be negative (time goes back), as in Twisted; NaN or an
// infinite amount, or one that makes the time infinite, panics with an
// AssertionError and changes nothing (it would leave the clock at a time it
// could never leave; Twisted takes it).
func (c *Clock) Advance(amount float64) {
	timers.CheckAdvance(amount)
	c.q.Mu.Lock()
	if math.IsInf(c.rightNow+amount, 0) {
		// Finite amounts that add up to an infinite time (1e308, twice).
		c.q.Mu.Unlock()
		timers.CheckAdvance(c.rightNow + amount)
	}
	c.rightNow += amount
	for {
		c.q.Settle()
		f, ok := c.q.Due(c.rightNow, math.MaxInt64)
		if !ok {
			break
		}
		c.q.Mu.Unlock()
		f()
		c.q.Mu.Lock()
	}
	c.q.Mu.Unlock()
}

// Pump advances the clock incrementally by each of the given amounts in
// turn, running the calls due after each step. The amounts are checked as
// Advance checks one, all of them before the first step.
func (c *Clock) Pump(timings []float64) {
	for _, amount := range timings {
		timers.CheckAdvance(amount)
	}
	for _, amount := range timings {
		c.Advance(amount)
	}
}
