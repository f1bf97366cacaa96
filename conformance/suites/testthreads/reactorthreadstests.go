package testthreads

import (
	"time"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// ReactorThreadsTests: tests for the reactor threading API. (@skipIf(not
// interfaces.IReactorThreads(reactor, None)): every Reactor provides
// IReactorThreads.)
type ReactorThreadsTests struct {
	pyunit.TestCase
	failure *twisted.Failure
}

// _waitForThread: the reactor's threadpool is only available when the
// reactor is running, so to have a sane behavior during the tests we make
// a dummy DeferToThread call.
func (self *ReactorThreadsTests) _waitForThread() *deferred.Deferred {
	threads := threadsOf(self.Reactor())
	return threads.DeferToThread(func() (any, error) { time.Sleep(0); return nil, nil })
}

// _testBlockingCallFromThread is the utility method to test
// BlockingCallFromThread.
func (self *ReactorThreadsTests) _testBlockingCallFromThread(reactorFunc func() (any, error)) *deferred.Deferred {
	reactor := self.Reactor()
	threads := threadsOf(reactor)
	waiter := newEvent()
	results := []any{}
	errors := []any{}

	cb1 := func(ign any) (any, error) {
		threadedFunc := func() {
			if r, err := threads.BlockingCallFromThread(reactor, reactorFunc); err != nil {
				errors = append(errors, exception(err))
			} else {
				results = append(results, r)
			}
			waiter.set()
		}

		reactor.CallInThread(threadedFunc)
		return threads.DeferToThread(func() (any, error) { return waiter.wait(getTimeout()), nil }), nil
	}

	cb2 := func(ign any) (any, error) {
		if !waiter.isSet() {
			self.Fail("Timed out waiting for event")
		}
		return twisted.Tuple{results, errors}, nil
	}

	return self._waitForThread().AddCallback(cb1).AddBoth(cb2)
}

func init() {
	newTest := func() *ReactorThreadsTests { return &ReactorThreadsTests{} }
	add := func(name string, test func(self *ReactorThreadsTests) any) {
		addTest("ReactorThreadsTests", name, newTest, test)
	}

	// Test callInThread functionality: set a threading.Event, and check
	// that it's not in the main thread.
	add("test_callInThread", func(self *ReactorThreadsTests) any {
		reactor := self.Reactor()
		cb := func(ign any) (any, error) {
			waiter := newEvent()
			result := []any{}

			threadedFunc := func() {
				result = append(result, reactor.IsInIOThread())
				waiter.set()
			}

			reactor.CallInThread(threadedFunc)
			waiter.wait(120)
			if !waiter.isSet() {
				self.Fail("Timed out waiting for event.")
			} else {
				self.AssertEqual(result, []any{false})
			}
			return nil, nil
		}

		return self._waitForThread().AddCallback(cb)
	})

	// Test callFromThread functionality: from the main thread, and from
	// another thread.
	add("test_callFromThread", func(self *ReactorThreadsTests) any {
		reactor := self.Reactor()
		cb := func(ign any) (any, error) {
			firedByReactorThread := deferred.New()
			firedByOtherThread := deferred.New()

			threadedFunc := func() {
				reactor.CallFromThread(func() { firedByOtherThread.Callback(nil) })
			}

			reactor.CallInThread(threadedFunc)
			reactor.CallFromThread(func() { firedByReactorThread.Callback(nil) })

			return deferred.DeferredList(
				[]*deferred.Deferred{firedByReactorThread, firedByOtherThread}, deferred.FireOnOneErrback,
			), nil
		}

		return self._waitForThread().AddCallback(cb)
	})

	// Try to make an overflow on the reactor waker using callFromThread.
	add("test_wakerOverflow", func(self *ReactorThreadsTests) any {
		reactor := self.Reactor()
		cb := func(ign any) (any, error) {
			self.failure = nil
			waiter := newEvent()

			threadedFunction := func() {
				// Hopefully a hundred thousand queued calls is enough to
				// trigger the error condition
				for range 100000 {
					if f := try(func() { reactor.CallFromThread(func() {}) }); f != nil {
						self.failure = f
						break
					}
				}
				waiter.set()
			}

			reactor.CallInThread(threadedFunction)
			waiter.wait(120)
			if !waiter.isSet() {
				self.Fail("Timed out waiting for event")
			}
			if self.failure != nil {
				return deferred.Fail(self.failure), nil
			}
			return nil, nil
		}

		return self._waitForThread().AddCallback(cb)
	})

	// Test blockingCallFromThread facility: create a thread, call a
	// function in the reactor using BlockingCallFromThread, and verify the
	// result returned.
	add("test_blockingCallFromThread", func(self *ReactorThreadsTests) any {
		reactorFunc := func() (any, error) {
			return deferred.Succeed("foo"), nil
		}

		cb := func(res any) (any, error) {
			self.AssertEqual(item(item(res, 0), 0), "foo")
			return nil, nil
		}

		return self._testBlockingCallFromThread(reactorFunc).AddCallback(cb)
	})

	// Test BlockingCallFromThread as above, but be sure the resulting
	// Deferred is not already fired.
	add("test_asyncBlockingCallFromThread", func(self *ReactorThreadsTests) any {
		reactor := self.Reactor()
		reactorFunc := func() (any, error) {
			d := deferred.New()
			reactor.CallLater(0.1, func() { d.Callback("egg") })
			return d, nil
		}

		cb := func(res any) (any, error) {
			self.AssertEqual(item(item(res, 0), 0), "egg")
			return nil, nil
		}

		return self._testBlockingCallFromThread(reactorFunc).AddCallback(cb)
	})

	// Test error report for BlockingCallFromThread.
	add("test_errorBlockingCallFromThread", func(self *ReactorThreadsTests) any {
		reactorFunc := func() (any, error) {
			return deferred.Fail(twisted.RuntimeError.New("bar")), nil
		}

		cb := func(res any) (any, error) {
			assertIsInstance(&self.TestCase, item(item(res, 1), 0), twisted.RuntimeError)
			self.AssertEqual(twisted.AsError(item(item(res, 1), 0).(error)).Args[0], "bar")
			return nil, nil
		}

		return self._testBlockingCallFromThread(reactorFunc).AddCallback(cb)
	})

	// Test error report for BlockingCallFromThread as above, but be sure
	// the resulting Deferred is not already fired.
	add("test_asyncErrorBlockingCallFromThread", func(self *ReactorThreadsTests) any {
		reactor := self.Reactor()
		reactorFunc := func() (any, error) {
			d := deferred.New()
			reactor.CallLater(0.1, func() { d.Errback(twisted.RuntimeError.New("spam")) })
			return d, nil
		}

		cb := func(res any) (any, error) {
			assertIsInstance(&self.TestCase, item(item(res, 1), 0), twisted.RuntimeError)
			self.AssertEqual(twisted.AsError(item(item(res, 1), 0).(error)).Args[0], "spam")
			return nil, nil
		}

		return self._testBlockingCallFromThread(reactorFunc).AddCallback(cb)
	})
}

// item is Python's x[i] on the tuples and lists the tests index.
func item(x any, i int) any {
	switch v := x.(type) {
	case twisted.Tuple:
		return v[i]
	case []any:
		return v[i]
	}
	panic(twisted.TypeError.New("object is not subscriptable"))
}

// try is Python's try statement: pyunit.Try.
var try = pyunit.Try
