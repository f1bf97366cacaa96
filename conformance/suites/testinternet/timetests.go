package testinternet

import (
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// TimeTests: tests for the IReactorTime part of the reactor.
type TimeTests struct{ pyunit.TestCase }

func addTimeTest(name string, test func(self *TimeTests) any) {
	addTest("TimeTests", name, func() *TimeTests { return &TimeTests{} }, test)
}

func init() {
	// Test that a DelayedCall really calls the function it is supposed to
	// call.
	addTimeTest("test_callLater", func(self *TimeTests) any {
		reactor := self.Reactor()
		d := deferred.New()
		reactor.CallLater(0, func() { d.Callback(nil) })
		d.AddCallback(func(result any) (any, error) { self.AssertEqual(result, nil); return nil, nil })
		return d
	})

	// Test that when a DelayedCall is cancelled it does not run.
	addTimeTest("test_cancelDelayedCall", func(self *TimeTests) any {
		reactor := self.Reactor()
		called := []any{}

		function := func() {
			called = append(called, nil)
		}

		call := reactor.CallLater(0, function)
		call.Cancel()

		// Schedule a call in two "iterations" to check to make sure that the
		// above call never ran.
		d := deferred.New()

		check := func() {
			if f := try(func() { self.AssertEqual(called, []any{}) }); f != nil {
				d.Errback(f)
			} else {
				d.Callback(nil)
			}
		}

		reactor.CallLater(0, func() { reactor.CallLater(0, check) })
		return d
	})

	// Test that cancelling a DelayedCall which has already been cancelled
	// raises the appropriate exception.
	addTimeTest("test_cancelCancelledDelayedCall", func(self *TimeTests) any {
		reactor := self.Reactor()
		call := reactor.CallLater(0, func() {})
		call.Cancel()
		self.AssertRaises(internetError.AlreadyCancelled, call.Cancel)
		return nil
	})

	// Test that cancelling a DelayedCall in the DelayedCall's function as
	// that function is being invoked by the DelayedCall raises the
	// appropriate exception.
	addTimeTest("test_cancelCalledDelayedCallSynchronous", func(self *TimeTests) any {
		reactor := self.Reactor()
		d := deferred.New()

		var call *DelayedCall
		later := func() {
			if f := try(func() { self.AssertRaises(internetError.AlreadyCalled, call.Cancel) }); f != nil {
				d.Errback(f)
			} else {
				d.Callback(nil)
			}
		}

		call = reactor.CallLater(0, later)
		return d
	})

	// Test that cancelling a DelayedCall after it has run its function
	// raises the appropriate exception.
	addTimeTest("test_cancelCalledDelayedCallAsynchronous", func(self *TimeTests) any {
		reactor := self.Reactor()
		d := deferred.New()

		var call *DelayedCall
		check := func() {
			if f := try(func() { self.AssertRaises(internetError.AlreadyCalled, call.Cancel) }); f != nil {
				d.Errback(f)
			} else {
				d.Callback(nil)
			}
		}

		later := func() {
			reactor.CallLater(0, check)
		}

		call = reactor.CallLater(0, later)
		return d
	})

	addTimeTest("testCallLaterTime", func(self *TimeTests) any {
		reactor := self.Reactor()
		d := reactor.CallLater(10, func() {})
		defer d.Cancel() // finally
		self.AssertTrue(d.GetTime()-(timeTime()+10) < 1)
		return nil
	})

	// Mostly just make sure str() isn't going to raise anything for
	// DelayedCalls within reason.
	addTimeTest("testDelayedCallStringification", func(self *TimeTests) any {
		reactor := self.Reactor()
		dc := reactor.CallLater(0, func() { func(x, y any) {}("x", 10) })
		str(dc)
		dc.Reset(5)
		str(dc)
		dc.Cancel()
		str(dc)

		dc = reactor.CallLater(0, func() {
			func(args ...any) {}(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, []any{map[string]any{"hello": "world"}, 10i, reactor})
		})
		str(dc)
		dc.Cancel()
		str(dc)

		calledBack := func(ignored any) (any, error) {
			str(dc)
			return nil, nil
		}

		d := deferred.New().AddCallback(calledBack)
		dc = reactor.CallLater(0, func() { d.Callback(nil) })
		str(dc)
		return d
	})
}
