package testtask

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// DefaultException is twisted.python.failure.DefaultException.
var DefaultException = twisted.NewClass("twisted.python.failure.DefaultException", nil)

// ReactorLoopTests: slightly inferior tests which exercise interactions
// with an actual reactor. Where the Python's LoopingCall runs on the
// global reactor, the Go one runs on the scenario's reactor
// (lc.Clock = reactor), which Run runs as trial runs the global one.
type ReactorLoopTests struct {
	pyunit.TestCase
	_lc *task.LoopingCall
}

func addReactorLoopTest(name string, test func(self *ReactorLoopTests) any) {
	addTaskTest("ReactorLoopTests", name, func(t *conformance.T) { pyunit.Run(t, &ReactorLoopTests{}, test) })
}

func (self *ReactorLoopTests) _callback_for_testStopAtOnceLater(d *deferred.Deferred) {
	self._lc.Stop()
	self.Reactor().CallLater(0, func() { d.Callback("success") })
}

func init() {
	addReactorLoopTest("testFailure", func(self *ReactorLoopTests) any {
		foo := func(x any) (any, error) {
			return nil, TestException.New(x)
		}

		lc := task.NewLoopingCall(func() (any, error) { return foo("bar") })
		lc.Clock = self.Reactor()
		return self.AssertFailure(lc.Start(0.1, true), TestException)
	})

	addReactorLoopTest("testFailAndStop", func(self *ReactorLoopTests) any {
		var lc *task.LoopingCall
		foo := func(x any) (any, error) {
			lc.Stop()
			return nil, TestException.New(x)
		}

		lc = task.NewLoopingCall(func() (any, error) { return foo("bar") })
		lc.Clock = self.Reactor()
		return self.AssertFailure(lc.Start(0.1, true), TestException)
	})

	addReactorLoopTest("testEveryIteration", func(self *ReactorLoopTests) any {
		ran := []any{}

		var lc *task.LoopingCall
		foo := func() (any, error) {
			ran = append(ran, nil)
			if len(ran) > 5 {
				lc.Stop()
			}
			return nil, nil
		}

		lc = task.NewLoopingCall(foo)
		lc.Clock = self.Reactor()
		d := lc.Start(0, true)

		stopped := func(ign any) (any, error) {
			self.AssertEqual(len(ran), 6)
			return nil, nil
		}

		return d.AddCallback(stopped)
	})

	addReactorLoopTest("testStopAtOnceLater", func(self *ReactorLoopTests) any {
		// Ensure that even when LoopingCall.Stop is called from a
		// reactor callback, it still prevents any subsequent calls.
		d := deferred.New()

		foo := func() (any, error) {
			d.Errback(
				DefaultException.New("This task also should never get called."),
			)
			return nil, nil
		}

		self._lc = task.NewLoopingCall(foo)
		self._lc.Clock = self.Reactor()
		self._lc.Start(1, false)
		self.Reactor().CallLater(0, func() { self._callback_for_testStopAtOnceLater(d) })
		return d
	})

	addReactorLoopTest("testWaitDeferred", func(self *ReactorLoopTests) any {
		// Tests if the callable isn't scheduled again before the returned
		// deferred has fired.
		timings := []float64{0.2, 0.8}
		clock := task.NewClock()

		var lc *task.LoopingCall
		foo := func() (any, error) {
			d := deferred.New()
			d.AddCallback(func(any) (any, error) { lc.Stop(); return nil, nil })
			clock.CallLater(1, func() { d.Callback(nil) })
			return d, nil
		}

		lc = TestableLoopingCall(clock, foo)
		lc.Start(0.2, true)
		clock.Pump(timings)
		self.AssertFalse(clock.GetDelayedCalls())
		return nil
	})

	addReactorLoopTest("testFailurePropagation", func(self *ReactorLoopTests) any {
		// Tests if the failure of the errback of the deferred returned by the
		// callable is propagated to the lc errback.
		//
		// To make sure this test does not hang trial when LoopingCall does not
		// wait for the callable's deferred, it also checks there are no
		// calls in the clock's callLater queue.
		timings := []float64{0.3}
		clock := task.NewClock()

		foo := func() (any, error) {
			d := deferred.New()
			clock.CallLater(0.3, func() { d.Errback(TestException.New()) })
			return d, nil
		}

		lc := TestableLoopingCall(clock, foo)
		d := lc.Start(1, true)
		self.AssertFailure(d, TestException)

		clock.Pump(timings)
		self.AssertFalse(clock.GetDelayedCalls())
		return d
	})

	// In the case that the function passed to NewLoopingCallWithCount
	// returns a deferred, which does not fire before the next interval
	// elapses, the function should not be run again. And if a function call
	// is skipped in this fashion, the appropriate count should be provided.
	addReactorLoopTest("test_deferredWithCount", func(self *ReactorLoopTests) any {
		testClock := task.NewClock()
		d := deferred.New()
		deferredCounts := []any{}

		countTracker := func(possibleCount int) (any, error) {
			// Keep a list of call counts
			deferredCounts = append(deferredCounts, possibleCount)
			// Return a deferred, but only on the first request
			if len(deferredCounts) == 1 {
				return d, nil
			} else {
				return nil, nil
			}
		}

		// Start a looping call for our countTracker function
		// Set the increment to 0.2, and do not call the function on startup.
		lc := task.NewLoopingCallWithCount(countTracker)
		lc.Clock = testClock
		d = lc.Start(0.2, false)

		// Confirm that nothing has happened yet.
		self.AssertEqual(deferredCounts, []any{})

		// Advance the clock by 0.2 and then 0.4;
		testClock.Pump([]float64{0.2, 0.4})
		// We should now have exactly one count (of 1 call)
		self.AssertEqual(len(deferredCounts), 1)

		// Fire the deferred, and advance the clock by another 0.2
		d.Callback(nil)
		testClock.Pump([]float64{0.2})
		// We should now have exactly 2 counts...
		self.AssertEqual(len(deferredCounts), 2)
		// The first count should be 1 (one call)
		// The second count should be 3 (calls were missed at about 0.6 and 0.8)
		self.AssertEqual(deferredCounts, []any{1, 3})
		return nil
	})
}
