package testinternet

import (
	"maps"
	"slices"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DelayedTests: GetDelayedCalls and Active on the real reactor.
type DelayedTests struct {
	pyunit.TestCase
	finished int
	counter  int
	timers   map[int]*DelayedCall
	deferred *deferred.Deferred
}

func (tc *DelayedTests) SetUp() {
	tc.finished = 0
	tc.counter = 0
	tc.timers = map[int]*DelayedCall{}
	tc.deferred = deferred.New()
}

func (tc *DelayedTests) TearDown() {
	for _, t := range tc.timers {
		t.Cancel()
	}
}

func (tc *DelayedTests) checkTimers() {
	l1 := slices.Collect(maps.Values(tc.timers))
	l2 := tc.Reactor().GetDelayedCalls()

	// There should be at least the calls we put in.  There may be other
	// calls that are none of our business and that we should ignore,
	// though.

	missing := []any{}
	for _, dc := range l1 {
		if !slices.Contains(l2, dc) {
			missing = append(missing, dc)
		}
	}
	if len(missing) > 0 {
		tc.finished = 1
	}
	tc.AssertFalse(missing) // "Should have been missing no calls, instead was missing " + repr(missing)
}

func (tc *DelayedTests) callback(tag int) {
	delete(tc.timers, tag)
	tc.checkTimers()
}

func (tc *DelayedTests) addCallback(tag int) {
	tc.callback(tag)
	tc.addTimer(15, tc.callback)
}

func (tc *DelayedTests) done(tag int) {
	tc.finished = 1
	tc.callback(tag)
	tc.deferred.Callback(nil)
}

func (tc *DelayedTests) addTimer(when float64, callback func(tag int)) {
	counter := tc.counter
	tc.timers[tc.counter] = tc.Reactor().CallLater(when*0.01, func() { callback(counter) })
	tc.counter += 1
	tc.checkTimers()
}

func addDelayedTest(name string, test func(self *DelayedTests) any) {
	addTest("DelayedTests", name, func() *DelayedTests { return &DelayedTests{} }, test)
}

func init() {
	addDelayedTest("testGetDelayedCalls", func(self *DelayedTests) any {
		// (if not hasattr(reactor, "getDelayedCalls"): every Reactor has it.)
		// This is not a race because we don't do anything which might call
		// the reactor until we have all the timers set up. If we did, this
		// test might fail on slow systems.
		self.checkTimers()
		self.addTimer(35, self.done)
		self.addTimer(20, self.callback)
		self.addTimer(30, self.callback)
		which := self.counter
		self.addTimer(29, self.callback)
		self.addTimer(25, self.addCallback)
		self.addTimer(26, self.callback)

		self.timers[which].Cancel()
		delete(self.timers, which)
		self.checkTimers()

		self.deferred.AddCallback(func(x any) (any, error) { self.checkTimers(); return nil, nil })
		return self.deferred
	})

	// IDelayedCall.active returns False once the call has run.
	addDelayedTest("test_active", func(self *DelayedTests) any {
		reactor := self.Reactor()
		dcall := reactor.CallLater(0.01, func() { self.deferred.Callback(true) })
		self.AssertTrue(dcall.Active())

		checkDeferredCall := func(success any) (any, error) {
			self.AssertFalse(dcall.Active())
			return success, nil
		}

		self.deferred.AddCallback(checkDeferredCall)

		return self.deferred
	})
}
