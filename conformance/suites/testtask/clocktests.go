package testtask

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// ClockTests: the non-wallclock based clock implementation, task.Clock
// (reactor.Clock). The Python's callLater(delay, f, *args, **kw) ports to a
// closure that makes the call with its arguments.

// addClockTest registers ClockTests.<name>, whose Python is
// testdata/ClockTests.<name>.py.
func addClockTest(name string, test func(self *pyunit.TestCase)) {
	Suite.Add(conformance.Scenario{
		Name:   "ClockTests." + name,
		Source: "src/twisted/test/test_task.py ClockTests." + name,
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			pyunit.RunTest(t, func(self *pyunit.TestCase) any { test(self); return nil })
		},
	})
}

// providesIDelayedCall is interfaces.IDelayedCall.providedBy: whether x
// has IDelayedCall's methods.
func providesIDelayedCall(x any) bool {
	_, ok := x.(interface {
		GetTime() float64
		Cancel() error
		Delay(secondsLater float64) error
		Reset(secondsFromNow float64) error
		Active() bool
	})
	return ok
}

// set is a Python set of DelayedCalls.
func set(calls ...*reactor.DelayedCall) map[*reactor.DelayedCall]struct{} {
	s := map[*reactor.DelayedCall]struct{}{}
	for _, c := range calls {
		s[c] = struct{}{}
	}
	return s
}

func init() {
	// Test that the seconds method of the fake clock returns fake time.
	addClockTest("testSeconds", func(self *pyunit.TestCase) {
		c := reactor.NewClock()
		self.AssertEqual(c.Seconds(), 0)
	})

	// Test that calls can be scheduled for later with the fake clock and
	// hands back an IDelayedCall.
	addClockTest("testCallLater", func(self *pyunit.TestCase) {
		c := reactor.NewClock()
		call := c.CallLater(1, func() { func(a, b any) {}(1, 2) })
		self.AssertTrue(providesIDelayedCall(call))
		self.AssertEqual(call.GetTime(), 1)
		self.AssertTrue(call.Active())
	})

	// Test that calls can be cancelled.
	addClockTest("testCallLaterCancelled", func(self *pyunit.TestCase) {
		c := reactor.NewClock()
		call := c.CallLater(1, func() { func(a, b any) {}(1, 2) })
		call.Cancel()
		self.AssertFalse(call.Active())
	})

	// Test that the DelayedCall returned is not one previously created.
	addClockTest("test_callLaterOrdering", func(self *pyunit.TestCase) {
		c := reactor.NewClock()
		call1 := c.CallLater(10, func() { func(a, b any) {}(1, 2) })
		call2 := c.CallLater(1, func() { func(a, b any) {}(3, 4) })
		self.AssertFalse(call1 == call2)
	})

	// Test that advancing the clock will fire some calls.
	addClockTest("testAdvance", func(self *pyunit.TestCase) {
		events := []any{}
		c := reactor.NewClock()
		call := c.CallLater(2, func() { events = append(events, nil) })
		c.Advance(1)
		self.AssertEqual(events, []any{})
		c.Advance(1)
		self.AssertEqual(events, []any{nil})
		self.AssertFalse(call.Active())
	})

	// Test attempting to cancel the call in a callback.
	//
	// AlreadyCalled should be raised, not for example a ValueError from
	// removing the call from Clock.calls. This requires call.called to be
	// set before the callback is called.
	addClockTest("testAdvanceCancel", func(self *pyunit.TestCase) {
		c := reactor.NewClock()

		var call *reactor.DelayedCall
		cb := func() {
			self.AssertRaises(reactor.AlreadyCalled, call.Cancel)
		}

		call = c.CallLater(1, cb)
		c.Advance(1)
	})

	// Test that calls can be delayed.
	addClockTest("testCallLaterDelayed", func(self *pyunit.TestCase) {
		events := []any{}
		c := reactor.NewClock()
		call := c.CallLater(1, func() { events = append(events, twisted.Tuple{1, 2}) })
		call.Delay(1)
		self.AssertEqual(call.GetTime(), 2)
		c.Advance(1.5)
		self.AssertEqual(events, []any{})
		c.Advance(1.0)
		self.AssertEqual(events, []any{twisted.Tuple{1, 2}})
	})

	// Test that calls can have their time reset to a later time.
	addClockTest("testCallLaterResetLater", func(self *pyunit.TestCase) {
		events := []any{}
		c := reactor.NewClock()
		call := c.CallLater(2, func() { events = append(events, twisted.Tuple{1, 2}) })
		c.Advance(1)
		call.Reset(3)
		self.AssertEqual(call.GetTime(), 4)
		c.Advance(2)
		self.AssertEqual(events, []any{})
		c.Advance(1)
		self.AssertEqual(events, []any{twisted.Tuple{1, 2}})
	})

	// Test that calls can have their time reset to an earlier time.
	addClockTest("testCallLaterResetSooner", func(self *pyunit.TestCase) {
		events := []any{}
		c := reactor.NewClock()
		call := c.CallLater(4, func() { events = append(events, twisted.Tuple{1, 2}) })
		call.Reset(3)
		self.AssertEqual(call.GetTime(), 3)
		c.Advance(3)
		self.AssertEqual(events, []any{twisted.Tuple{1, 2}})
	})

	// Test that we can get a list of all delayed calls.
	addClockTest("test_getDelayedCalls", func(self *pyunit.TestCase) {
		c := reactor.NewClock()
		call := c.CallLater(1, func() {})
		call2 := c.CallLater(2, func() {})

		calls := c.GetDelayedCalls()

		self.AssertEqual(set(call, call2), set(calls...))
	})

	// Test that we get an empty list from getDelayedCalls on a newly
	// constructed Clock.
	addClockTest("test_getDelayedCallsEmpty", func(self *pyunit.TestCase) {
		c := reactor.NewClock()
		self.AssertEqual(c.GetDelayedCalls(), []any{})
	})

	addClockTest("test_providesIReactorTime", func(self *pyunit.TestCase) {
		c := reactor.NewClock()
		_, provides := any(c).(reactor.IReactorTime)
		self.AssertTrue(provides)
	})

	// The order of calls scheduled by Clock.CallLater is honored when adding
	// a new call via calling CallLater again.
	//
	// For example, if CallLater is invoked with a callable "A" and a time
	// t0, and then the DelayedCall which results from that is Reset to a
	// later time t2 which is greater than t0, and then CallLater is invoked
	// again with a callable "B", and time t1 which is less than t2 but
	// greater than t0, "B" will be invoked before "A".
	addClockTest("test_callLaterKeepsCallsOrdered", func(self *pyunit.TestCase) {
		result := []any{}
		expected := []any{twisted.Tuple{"b", 2.0}, twisted.Tuple{"a", 3.0}}
		clock := reactor.NewClock()
		logtime := func(n string) { result = append(result, twisted.Tuple{n, clock.Seconds()}) }

		call_a := clock.CallLater(1.0, func() { logtime("a") })
		call_a.Reset(3.0)
		clock.CallLater(2.0, func() { logtime("b") })

		clock.Pump([]float64{1, 1, 1})
		self.AssertEqual(result, expected)
	})

	// The order of calls scheduled by Clock.CallLater is honored when
	// re-scheduling an existing call via DelayedCall.Reset on the result of
	// a previous call to CallLater.
	//
	// For example, if CallLater is invoked with a callable "A" and a time
	// t0, and then CallLater is invoked again with a callable "B", and time
	// t1 greater than t0, and finally the DelayedCall for "A" is Reset to a
	// later time, t2, which is greater than t1, "B" will be invoked before
	// "A".
	addClockTest("test_callLaterResetKeepsCallsOrdered", func(self *pyunit.TestCase) {
		result := []any{}
		expected := []any{twisted.Tuple{"b", 2.0}, twisted.Tuple{"a", 3.0}}
		clock := reactor.NewClock()
		logtime := func(n string) { result = append(result, twisted.Tuple{n, clock.Seconds()}) }

		call_a := clock.CallLater(1.0, func() { logtime("a") })
		clock.CallLater(2.0, func() { logtime("b") })
		call_a.Reset(3.0)

		clock.Pump([]float64{1, 1, 1})
		self.AssertEqual(result, expected)
	})

	// The order of calls scheduled by Clock.CallLater is honored when
	// re-scheduling an existing call via DelayedCall.Reset on the result of
	// a previous call to CallLater, even when that call to Reset occurs
	// within the callable scheduled by CallLater itself.
	addClockTest("test_callLaterResetInsideCallKeepsCallsOrdered", func(self *pyunit.TestCase) {
		result := []any{}
		expected := []any{twisted.Tuple{"c", 3.0}, twisted.Tuple{"b", 4.0}}
		clock := reactor.NewClock()
		logtime := func(n string) { result = append(result, twisted.Tuple{n, clock.Seconds()}) }

		call_b := clock.CallLater(2.0, func() { logtime("b") })

		a := func() {
			call_b.Reset(3.0)
		}

		clock.CallLater(1.0, a)
		clock.CallLater(3.0, func() { logtime("c") })

		clock.Pump([]float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5})
		self.AssertEqual(result, expected)
	})
}
