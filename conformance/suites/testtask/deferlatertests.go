package testtask

import (
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// object is Python's object(): a value with nothing but its identity.
type object struct{ _ byte }

// DeferLaterTests: tests for task.DeferLater.
func init() {
	// The Deferred returned by task.DeferLater is called back after the
	// specified delay with the result of the function passed in.
	addTest("DeferLaterTests", "test_callback", func(self *pyunit.TestCase) any {
		results := []any{}
		flag := &object{}

		callable := func(foo, bar any) (any, error) {
			results = append(results, twisted.Tuple{foo, bar})
			return flag, nil
		}

		clock := task.NewClock()
		d := task.DeferLater(clock, 3, func() (any, error) { return callable("foo", "bar") })
		d.AddCallback(func(r any) (any, error) { self.AssertIs(r, flag); return nil, nil })
		clock.Advance(2)
		self.AssertEqual(results, []any{})
		clock.Advance(1)
		self.AssertEqual(results, []any{twisted.Tuple{"foo", "bar"}})
		return d
	})

	// The Deferred returned by task.DeferLater is errbacked if the supplied
	// function raises an exception.
	addTest("DeferLaterTests", "test_errback", func(self *pyunit.TestCase) any {
		callable := func() (any, error) {
			return nil, TestException.New()
		}

		clock := task.NewClock()
		d := task.DeferLater(clock, 1, callable)
		clock.Advance(1)
		return self.AssertFailure(d, TestException)
	})

	// The Deferred returned by task.DeferLater can be cancelled to prevent
	// the call from actually being performed.
	addTest("DeferLaterTests", "test_cancel", func(self *pyunit.TestCase) any {
		called := []any{}
		clock := task.NewClock()
		d := task.DeferLater(clock, 1, func() (any, error) { called = append(called, nil); return nil, nil })
		d.Cancel()

		cbCancelled := func(ignored any) (any, error) {
			// Make sure there are no calls outstanding.
			self.AssertEqual([]any{}, clock.GetDelayedCalls())
			// And make sure the call didn't somehow happen already.
			self.AssertFalse(called)
			return nil, nil
		}

		self.AssertFailure(d, deferred.CancelledError)
		d.AddCallback(cbCancelled)
		return d
	})

	// The Deferred returned by task.DeferLater fires with None when no
	// callback function is passed.
	addTest("DeferLaterTests", "test_noCallback", func(self *pyunit.TestCase) any {
		clock := task.NewClock()
		d := task.DeferLater(clock, 2.0, nil)
		self.AssertNoResult(d)

		clock.Advance(2.0)
		self.AssertIs(nil, self.SuccessResultOf(d))
		return nil
	})
}
