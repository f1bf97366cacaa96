package testtask

import (
	"math"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// LoopTests: tests for task.LoopingCall based on a fake IReactorTime
// implementation.
func init() {
	// LoopingCall's default clock should be the reactor.
	addTest("LoopTests", "test_defaultClock", func(self *pyunit.TestCase) any {
		call := task.NewLoopingCall(none)
		self.AssertEqual(call.Clock, reactor.Default())
		return nil
	})

	// When more time than the defined interval passes during the execution
	// of a callback, LoopingCall should schedule the next call for the next
	// interval which is still in the future.
	addTest("LoopTests", "test_callbackTimeSkips", func(self *pyunit.TestCase) any {
		times := []any{}
		var callDuration float64
		clock := task.NewClock()

		aCallback := func() (any, error) {
			times = append(times, clock.Seconds())
			clock.Advance(callDuration)
			return nil, nil
		}

		call := task.NewLoopingCall(aCallback)
		call.Clock = clock

		// Start a LoopingCall with a 0.5 second increment, and immediately call
		// the callable.
		callDuration = 2
		call.Start(0.5, true)

		// Verify that the callable was called, and since it was immediate, with
		// no skips.
		self.AssertEqual(times, []any{0})

		// The callback should have advanced the clock by the callDuration.
		self.AssertEqual(clock.Seconds(), int(callDuration))

		// An iteration should have occurred at 2, but since 2 is the present
		// and not the future, it is skipped.

		clock.Advance(0)
		self.AssertEqual(times, []any{0})

		// 2.5 is in the future, and is not skipped.
		callDuration = 1
		clock.Advance(0.5)
		self.AssertEqual(times, []any{0, 2.5})
		self.AssertEqual(clock.Seconds(), 3.5)

		// Another iteration should have occurred, but it is again the
		// present and not the future, so it is skipped as well.
		clock.Advance(0)
		self.AssertEqual(times, []any{0, 2.5})

		// 4 is in the future, and is not skipped.
		callDuration = 0
		clock.Advance(0.5)
		self.AssertEqual(times, []any{0, 2.5, 4})
		self.AssertEqual(clock.Seconds(), 4)
		return nil
	})

	// When more time than the defined interval passes between when
	// LoopingCall schedules itself to run again and when it actually runs
	// again, it should schedule the next call for the next interval which
	// is still in the future.
	addTest("LoopTests", "test_reactorTimeSkips", func(self *pyunit.TestCase) any {
		times := []any{}
		clock := task.NewClock()

		aCallback := func() (any, error) {
			times = append(times, clock.Seconds())
			return nil, nil
		}

		// Start a LoopingCall that tracks the time passed, with a 0.5 second
		// increment.
		call := task.NewLoopingCall(aCallback)
		call.Clock = clock
		call.Start(0.5, true)

		// Initially, no time should have passed!
		self.AssertEqual(times, []any{0})

		// Advance the clock by 2 seconds (2 seconds should have passed)
		clock.Advance(2)
		self.AssertEqual(times, []any{0, 2})

		// Advance the clock by 1 second (3 total should have passed)
		clock.Advance(1)
		self.AssertEqual(times, []any{0, 2, 3})

		// Advance the clock by 0 seconds (this should have no effect!)
		clock.Advance(0)
		self.AssertEqual(times, []any{0, 2, 3})
		return nil
	})

	// When LoopingCall schedules itself to run again, if more than the
	// specified interval has passed, it should schedule the next call for
	// the next interval which is still in the future. If it was created
	// using NewLoopingCallWithCount, the function is given the number of
	// calls that should have been made.
	addTest("LoopTests", "test_reactorTimeCountSkips", func(self *pyunit.TestCase) any {
		times := []any{}
		clock := task.NewClock()

		aCallback := func(numCalls int) (any, error) {
			times = append(times, twisted.Tuple{clock.Seconds(), numCalls})
			return nil, nil
		}

		// Start a LoopingCall that tracks the time passed, and the number of
		// skips, with a 0.5 second increment.
		call := task.NewLoopingCallWithCount(aCallback)
		call.Clock = clock
		INTERVAL := 0.5
		REALISTIC_DELAY := 0.01
		call.Start(INTERVAL, true)

		// Initially, no seconds should have passed, and one calls should have
		// been made.
		self.AssertEqual(times, []any{twisted.Tuple{0, 1}})

		// After the interval (plus a small delay, to account for the time that
		// the reactor takes to wake up and process the LoopingCall), we should
		// still have only made one call.
		clock.Advance(INTERVAL + REALISTIC_DELAY)
		self.AssertEqual(times, []any{twisted.Tuple{0, 1}, twisted.Tuple{INTERVAL + REALISTIC_DELAY, 1}})

		// After advancing the clock by three intervals (plus a small delay to
		// account for the reactor), we should have skipped two calls; one less
		// than the number of intervals which have completely elapsed. Along
		// with the call we did actually make, the final number of calls is 3.
		clock.Advance((3 * INTERVAL) + REALISTIC_DELAY)
		self.AssertEqual(
			times,
			[]any{
				twisted.Tuple{0, 1},
				twisted.Tuple{INTERVAL + REALISTIC_DELAY, 1},
				twisted.Tuple{(4 * INTERVAL) + (2 * REALISTIC_DELAY), 3},
			},
		)

		// Advancing the clock by 0 seconds should not cause any changes!
		clock.Advance(0)
		self.AssertEqual(
			times,
			[]any{
				twisted.Tuple{0, 1},
				twisted.Tuple{INTERVAL + REALISTIC_DELAY, 1},
				twisted.Tuple{(4 * INTERVAL) + (2 * REALISTIC_DELAY), 3},
			},
		)
		return nil
	})

	// NewLoopingCallWithCount counts only calls that were expected to be
	// made. So, if more than one, but less than two intervals pass between
	// invocations, it won't increase the count above 1. For example, a
	// LoopingCall with interval T expects to be invoked at T, 2T, 3T, etc.
	// However, the reactor takes some time to get around to calling it, so
	// in practice it will be called at T+something, 2T+something,
	// 3T+something; and due to other things going on in the reactor,
	// "something" is variable. It won't increase the count unless
	// "something" is greater than T. So if the LoopingCall is invoked at T,
	// 2.75T, and 3T, the count has not increased, even though the distance
	// between invocation 1 and invocation 2 is 1.75T.
	addTest("LoopTests", "test_countLengthyIntervalCounts", func(self *pyunit.TestCase) any {
		times := []any{}
		clock := task.NewClock()

		aCallback := func(count int) (any, error) {
			times = append(times, twisted.Tuple{clock.Seconds(), count})
			return nil, nil
		}

		// Start a LoopingCall that tracks the time passed, and the number of
		// calls, with a 0.5 second increment.
		call := task.NewLoopingCallWithCount(aCallback)
		call.Clock = clock
		INTERVAL := 0.5
		REALISTIC_DELAY := 0.01
		call.Start(INTERVAL, true)
		self.AssertEqual(pop(&times), twisted.Tuple{0, 1})

		// About one interval... So far, so good
		clock.Advance(INTERVAL + REALISTIC_DELAY)
		self.AssertEqual(pop(&times), twisted.Tuple{INTERVAL + REALISTIC_DELAY, 1})

		// Oh no, something delayed us for a while.
		clock.Advance(INTERVAL * 1.75)
		self.AssertEqual(pop(&times), twisted.Tuple{(2.75 * INTERVAL) + REALISTIC_DELAY, 1})

		// Back on track!  We got invoked when we expected this time.
		clock.Advance(INTERVAL * 0.25)
		self.AssertEqual(pop(&times), twisted.Tuple{(3.0 * INTERVAL) + REALISTIC_DELAY, 1})
		return nil
	})

	// NewLoopingCallWithCount should never invoke its callable with a zero.
	// Specifically, if a LoopingCall created with it has its Start method
	// invoked with a floating-point number which introduces decimal
	// inaccuracy when multiplied or divided, such as "0.1", LoopingCall
	// will never invoke its callable with 0. Also, the sum of all the
	// values passed to its callable as the "count" will be an integer, the
	// number of intervals that have elapsed.
	//
	// This is a regression test for a particularly tricky case to implement.
	addTest("LoopTests", "test_withCountFloatingPointBoundary", func(self *pyunit.TestCase) any {
		clock := task.NewClock()
		accumulator := []any{}
		call := task.NewLoopingCallWithCount(func(count int) (any, error) {
			accumulator = append(accumulator, count)
			return nil, nil
		})
		call.Clock = clock

		// 'count': the number of ticks within the time span, the number of
		// calls that should be made.  this should be a value which causes
		// floating-point inaccuracy as the denominator for the timespan.
		count := 10
		// 'timespan': the amount of virtual time that the test will take, in
		// seconds, as a floating point number
		timespan := 1.0
		// 'interval': the amount of time for one actual call.
		interval := timespan / float64(count)

		call.Start(interval, false)
		for range count {
			clock.Advance(interval)
		}

		// There is still an epsilon of inaccuracy here; 0.1 is not quite
		// exactly 1/10 in binary, so we need to push our clock over the
		// threshold.
		intervals := 0.0
		for range count {
			intervals += interval
		}
		epsilon := timespan - intervals
		clock.Advance(epsilon)
		secondsValue := clock.Seconds()
		// The following two assertions are here to ensure that if the values of
		// count, timespan, and interval are changed, that the test remains
		// valid.  First, the "epsilon" value here measures the floating-point
		// inaccuracy in question, and so if it doesn't exist then we are not
		// triggering an interesting condition.
		self.AssertTrue(math.Abs(epsilon) > 0.0) // fmt.Sprintf("%v should be greater than zero", epsilon)
		// Secondly, task.Clock should behave in such a way that once we have
		// advanced to this point, it has reached or exceeded the timespan.
		self.AssertTrue(
			secondsValue >= timespan,
			// fmt.Sprintf("%v should be greater than or equal to %v", secondsValue, timespan),
		)

		self.AssertEqual(sum(accumulator), count)
		self.AssertNotIn(0, accumulator)
		return nil
	})

	// NewLoopingCallWithCount with interval set to 0 will call the
	// countCallable 1.
	addTest("LoopTests", "test_withCountIntervalZero", func(self *pyunit.TestCase) any {
		clock := task.NewClock()
		accumulator := []any{}

		var loop *task.LoopingCall
		foo := func(cnt int) (any, error) {
			accumulator = append(accumulator, cnt)
			if len(accumulator) > 4 {
				loop.Stop()
			}
			return nil, nil
		}

		loop = task.NewLoopingCallWithCount(foo)
		loop.Clock = clock
		deferred := loop.Start(0, false)

		clock.Advance(0)
		self.SuccessResultOf(deferred)

		self.AssertEqual([]any{1, 1, 1, 1, 1}, accumulator)
		return nil
	})

	// NewLoopingCallWithCount with interval set to 0 and a delayed call
	// during the loop run will still call the countCallable 1 as if no
	// delay occurred.
	addTest("LoopTests", "test_withCountIntervalZeroDelay", func(self *pyunit.TestCase) any {
		clock := task.NewClock()
		d := deferred.New()
		accumulator := []any{}

		var loop *task.LoopingCall
		foo := func(cnt int) (any, error) {
			accumulator = append(accumulator, cnt)

			if len(accumulator) == 2 {
				return d, nil
			}

			if len(accumulator) > 4 {
				loop.Stop()
			}
			return nil, nil
		}

		loop = task.NewLoopingCallWithCount(foo)
		loop.Clock = clock
		loop.Start(0, false)

		clock.Advance(0)
		// Loop will block at the third call.
		self.AssertEqual([]any{1, 1}, accumulator)

		// Even if more time pass, the loops is not
		// advanced.
		clock.Advance(2)
		self.AssertEqual([]any{1, 1}, accumulator)

		// Once the waiting call got a result the loop continues without
		// observing any delay in countCallable.
		d.Callback(nil)
		clock.Advance(0)
		self.AssertEqual([]any{1, 1, 1, 1, 1}, accumulator)
		return nil
	})

	// NewLoopingCallWithCount with interval set to 0 will still keep the
	// time when last called so when the interval is reset.
	addTest("LoopTests", "test_withCountIntervalZeroDelayThenNonZeroInterval", func(self *pyunit.TestCase) any {
		clock := task.NewClock()
		d := deferred.New()
		accumulator := []any{}

		foo := func(cnt int) (any, error) {
			accumulator = append(accumulator, cnt)
			if len(accumulator) == 2 {
				return d, nil
			}
			return nil, nil
		}

		loop := task.NewLoopingCallWithCount(foo)
		loop.Clock = clock
		loop.Start(0, false)

		// Even if a lot of time pass, loop will block at the third call.
		clock.Advance(10)
		self.AssertEqual([]any{1, 1}, accumulator)

		// When a new interval is set, once the waiting call got a result the
		// loop continues with the new interval.
		loop.Interval = 2
		d.Callback(nil)

		// It will count skipped steps since the last loop call.
		clock.Advance(7)
		self.AssertEqual([]any{1, 1, 3}, accumulator)

		clock.Advance(2)
		self.AssertEqual([]any{1, 1, 3, 1}, accumulator)

		clock.Advance(4)
		self.AssertEqual([]any{1, 1, 3, 1, 2}, accumulator)
		return nil
	})

	addTest("LoopTests", "testBasicFunction", func(self *pyunit.TestCase) any {
		// Arrange to have time advanced enough so that our function is
		// called a few times.
		// Only need to go to 2.5 to get 3 calls, since the first call
		// happens before any time has elapsed.
		timings := []float64{0.05, 0.1, 0.1}

		clock := task.NewClock()

		L := []twisted.Tuple{}

		foo := func(a, b, c, d any) {
			L = append(L, twisted.Tuple{a, b, c, d})
		}

		lc := TestableLoopingCall(clock, func() (any, error) { foo("a", "b", nil, "d"); return nil, nil })
		D := lc.Start(0.1, true)

		theResult := []any{}

		saveResult := func(result any) (any, error) {
			theResult = append(theResult, result)
			return nil, nil
		}

		D.AddCallback(saveResult)

		clock.Pump(timings)

		self.AssertEqual(len(L), 3) // fmt.Sprintf("got %d iterations, not 3", len(L))

		for _, l := range L {
			a, b, c, d := l[0], l[1], l[2], l[3]
			self.AssertEqual(a, "a")
			self.AssertEqual(b, "b")
			self.AssertIsNone(c)
			self.AssertEqual(d, "d")
		}

		lc.Stop()
		self.AssertIs(theResult[0], lc)

		// Make sure it isn't planning to do anything further.
		self.AssertFalse(clock.GetDelayedCalls())
		return nil
	})

	addTest("LoopTests", "testDelayedStart", func(self *pyunit.TestCase) any {
		timings := []float64{0.05, 0.1, 0.1}

		clock := task.NewClock()

		L := []any{}
		lc := TestableLoopingCall(clock, func() (any, error) { L = append(L, nil); return nil, nil })
		d := lc.Start(0.1, false)

		theResult := []any{}

		saveResult := func(result any) (any, error) {
			theResult = append(theResult, result)
			return nil, nil
		}

		d.AddCallback(saveResult)

		clock.Pump(timings)

		self.AssertEqual(len(L), 2) // fmt.Sprintf("got %d iterations, not 2", len(L))
		lc.Stop()
		self.AssertIs(theResult[0], lc)

		self.AssertFalse(clock.GetDelayedCalls())
		return nil
	})

	addTest("LoopTests", "testBadDelay", func(self *pyunit.TestCase) any {
		lc := task.NewLoopingCall(none)
		self.AssertRaises(twisted.ValueError, func() error { lc.Start(-1, true); return nil })
		return nil
	})

	// Make sure that LoopingCall.Stop prevents any subsequent calls.
	_stoppingTest := func(self *pyunit.TestCase, delay float64) any {
		ran := []any{}

		foo := func() (any, error) {
			ran = append(ran, nil)
			return nil, nil
		}

		clock := task.NewClock()
		lc := TestableLoopingCall(clock, foo)
		lc.Start(delay, false)
		lc.Stop()
		self.AssertFalse(ran)
		self.AssertFalse(clock.GetDelayedCalls())
		return nil
	}

	addTest("LoopTests", "testStopAtOnce", func(self *pyunit.TestCase) any {
		return _stoppingTest(self, 0)
	})

	addTest("LoopTests", "testStoppingBeforeDelayedStart", func(self *pyunit.TestCase) any {
		return _stoppingTest(self, 10)
	})

	// Test that LoopingCall can be reset.
	addTest("LoopTests", "test_reset", func(self *pyunit.TestCase) any {
		ran := []any{}

		foo := func() (any, error) {
			ran = append(ran, nil)
			return nil, nil
		}

		c := task.NewClock()
		lc := TestableLoopingCall(c, foo)
		lc.Start(2, false)
		c.Advance(1)
		lc.Reset()
		c.Advance(1)
		self.AssertEqual(ran, []any{})
		c.Advance(1)
		self.AssertEqual(ran, []any{nil})
		return nil
	})
}
