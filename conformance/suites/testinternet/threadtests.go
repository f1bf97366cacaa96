package testinternet

import (
	"time"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// CallFromThreadStopsAndWakeUpTests: other goroutines wake the reactor,
// and a CallFromThread made by one does not starve the rest.
type CallFromThreadStopsAndWakeUpTests struct {
	pyunit.TestCase
	stopped bool
}

func (tc *CallFromThreadStopsAndWakeUpTests) _stopCallFromThreadCallback() {
	tc.stopped = true
}

func (tc *CallFromThreadStopsAndWakeUpTests) _callFromThreadCallback(d *deferred.Deferred) {
	tc.Reactor().CallFromThread(func() { tc._callFromThreadCallback2(d) })
	tc.Reactor().CallLater(0, tc._stopCallFromThreadCallback)
}

func (tc *CallFromThreadStopsAndWakeUpTests) _callFromThreadCallback2(d *deferred.Deferred) {
	if f := try(func() { tc.AssertTrue(tc.stopped) }); f != nil {
		// Send the error to the deferred
		d.Errback(f)
	} else {
		d.Callback(nil)
	}
}

// CallFromThreadTests: task scheduling from threads tests.
type CallFromThreadTests struct {
	pyunit.TestCase
	counter  int
	deferred *deferred.Deferred
}

func (tc *CallFromThreadTests) SetUp() {
	tc.counter = 0
	tc.deferred = deferred.New()
}

// schedule: override in subclasses.
func (tc *CallFromThreadTests) schedule(f func()) {
	tc.Reactor().CallFromThread(f)
}

func init() {
	newWakeUp := func() *CallFromThreadStopsAndWakeUpTests { return &CallFromThreadStopsAndWakeUpTests{} }

	// (@skipIf(not interfaces.IReactorThreads(reactor, None)): every
	// Reactor provides IReactorThreads.)
	addTest("CallFromThreadStopsAndWakeUpTests", "testWakeUp", newWakeUp, func(self *CallFromThreadStopsAndWakeUpTests) any {
		reactor := self.Reactor()
		// Make sure other threads can wake up the reactor
		d := deferred.New()

		wake := func() {
			time.Sleep(100 * time.Millisecond) // the Python's time.sleep(0.1): the reactor is asleep when woken
			// callFromThread will call wakeUp for us
			reactor.CallFromThread(func() { d.Callback(nil) })
		}

		reactor.CallInThread(wake)
		return d
	})

	// Ensure that callFromThread from inside a callFromThread callback
	// doesn't sit in an infinite loop and lets other things happen too.
	addTest("CallFromThreadStopsAndWakeUpTests", "testCallFromThreadStops", newWakeUp, func(self *CallFromThreadStopsAndWakeUpTests) any {
		reactor := self.Reactor()
		self.stopped = false
		d := deferred.New()
		reactor.CallFromThread(func() { self._callFromThreadCallback(d) })
		return d
	})

	newThreads := func() *CallFromThreadTests { return &CallFromThreadTests{} }

	// IReactorThreads.CallFromThread can be used to schedule a large number
	// of calls in the reactor thread.
	addTest("CallFromThreadTests", "test_lotsOfThreadsAreScheduledCorrectly", newThreads, func(self *CallFromThreadTests) any {
		addAndMaybeFinish := func() {
			self.counter += 1
			if self.counter == 100 {
				self.deferred.Callback(true)
			}
		}

		for range 100 {
			self.schedule(addAndMaybeFinish)
		}

		return self.deferred
	})

	// Callbacks should be invoked in the order they were scheduled.
	addTest("CallFromThreadTests", "test_threadsAreRunInScheduledOrder", newThreads, func(self *CallFromThreadTests) any {
		reactor := self.Reactor()
		order := []any{}

		check := func(any) (any, error) {
			self.AssertEqual(order, []any{1, 2, 3})
			return nil, nil
		}

		self.deferred.AddCallback(check)
		self.schedule(func() { order = append(order, 1) })
		self.schedule(func() { order = append(order, 2) })
		self.schedule(func() { order = append(order, 3) })
		self.schedule(func() { reactor.CallFromThread(func() { self.deferred.Callback(nil) }) })

		return self.deferred
	})

	// Scheduled tasks should not be run until the reactor starts running.
	addTest("CallFromThreadTests", "test_scheduledThreadsNotRunUntilReactorRuns", newThreads, func(self *CallFromThreadTests) any {
		incAndFinish := func() {
			self.counter = 1
			self.deferred.Callback(true)
		}

		self.schedule(incAndFinish)

		// Callback shouldn't have fired yet.
		self.AssertEqual(self.counter, 0)

		return self.deferred
	})
}
