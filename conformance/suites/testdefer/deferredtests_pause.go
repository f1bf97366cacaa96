package testdefer

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredTests: succeed, fail, pause, callbacks returning failures and
// Deferreds.

func init() {
	addDeferredTest("testImmediateSuccess", func(self *DeferredTests) {
		l := list[string]{}
		d := deferred.Succeed("success")
		d.AddCallback(l.Append)
		self.AssertEqual(l, []any{"success"})
	})

	addDeferredTest("testImmediateFailure", func(self *DeferredTests) {
		l := list[*twisted.Failure]{}
		d := deferred.Fail(GenericError.New("fail"))
		d.AddErrback(l.AppendFailure)
		self.AssertEqual(str(l[0].Value), "fail")
	})

	addDeferredTest("testPausedFailure", func(self *DeferredTests) {
		l := list[*twisted.Failure]{}
		d := deferred.Fail(GenericError.New("fail"))
		d.Pause()
		d.AddErrback(l.AppendFailure)
		self.AssertEqual(l, []any{})
		d.Unpause()
		self.AssertEqual(str(l[0].Value), "fail")
	})

	addDeferredTest("testCallbackErrors", func(self *DeferredTests) {
		l := list[*twisted.Failure]{}
		d := deferred.New().AddCallback(func(any) (any, error) { zero := 0; return 1 / zero, nil }).AddErrback(l.AppendFailure)
		d.Callback(1)
		self.AssertIsInstance(l[0].Value, twisted.ZeroDivisionError)
		l = list[*twisted.Failure]{}
		d = deferred.New().
			AddCallback(func(any) (any, error) { return twisted.NewFailure(twisted.ZeroDivisionError.New()), nil }).
			AddErrback(l.AppendFailure)
		d.Callback(1)
		self.AssertIsInstance(l[0].Value, twisted.ZeroDivisionError)
	})

	addDeferredTest("testUnpauseBeforeCallback", func(self *DeferredTests) {
		d := deferred.New()
		d.Pause()
		d.AddCallback(self._callback)
		d.Unpause()
	})

	addDeferredTest("testReturnDeferred", func(self *DeferredTests) {
		d1 := deferred.New()
		d2 := deferred.New()
		d2.Pause()
		d1.AddCallback(func(r any) (any, error) { return d2, nil })
		d1.AddCallback(self._callback)
		d1.Callback(1)
		assert(self.callbackResults == nil, "Should not have been called yet.")
		d2.Callback(2)
		assert(self.callbackResults == nil, "Still should not have been called yet.")
		d2.Unpause()
		assert(self.callbackResults != nil)
		assert(
			pyEqual(self.callbackResults.args[0], 2),
			fmt.Sprintf("Result should have been from second deferred:%s", show(self.callbackResults)),
		)
	})

	// Callbacks passed to addCallback may return Failures.
	addDeferredTestFrom("test_callbackMaybeReturnsFailure", headRevision, false, func(self *DeferredTests) {
		d := deferred.New()

		shouldFail := false
		rte := twisted.RuntimeError.New()

		maybeFail := func(result any) (any, error) {
			// testing the Union return annotation here
			if shouldFail {
				return twisted.NewFailure(rte), nil
			} else {
				return result.(int) + 1, nil
			}
		}

		d.Callback(6)
		self.AssertEqual(self.SuccessResultOf(d.AddCallback(maybeFail)), 7)
		d = deferred.New()
		shouldFail = true
		d.Callback(6)
		self.AssertIs(
			self.FailureResultOf(
				// make sure mypy still considers us a Deferred[int] here
				d.AddCallback(maybeFail).AddCallback(maybeFail),
				twisted.RuntimeError,
			).Value,
			rte,
		)
	})

	// Callbacks passed to Deferred.addCallback can return Deferreds and the
	// next callback will not be run until that Deferred fires.
	addDeferredTestFrom("test_callbackReturnsDeferred", headRevision, false, func(self *DeferredTests) {
		d1 := deferred.New()
		d2 := deferred.New()
		d2.Pause()
		d1.AddCallback(func(r any) (any, error) { return d2, nil })
		d1.AddCallback(self._callback)
		d1.Callback(1)
		self.AssertIsNone(self.callbackResults, "Should not have been called yet.")
		d2.Callback(2)
		self.AssertIsNone(
			self.callbackResults, "Still should not have been called yet.",
		)
		d2.Unpause()
		self.AssertIsNotNone(self.callbackResults, "Should have been called now")
		assert(self.callbackResults != nil, "make that legible to the type checker")
		self.AssertEqual(
			self.callbackResults.args[0],
			2,
			fmt.Sprintf("Result should have been from second deferred:%s", show(self.callbackResults)),
		)
	})

	// Errbacks passed to Deferred.addErrback can return Deferreds just as
	// callbacks can.
	addDeferredTestFrom("test_errbackReturnsDeferred", headRevision, false, func(self *DeferredTests) {
		d := deferred.New()
		d2 := deferred.New()
		resultValues := list[any]{}

		asyncErrback := func(result *twisted.Failure) (any, error) {
			return d2, nil
		}

		syncCallback := func(result any) (any, error) {
			return resultValues.Append(result)
		}

		d.AddErrback(asyncErrback).AddCallback(syncCallback)
		d.Errback(twisted.ValueError.New())
		self.AssertNoResult(d)
		self.AssertEqual(resultValues, []any{})
		d2.Callback("result")
		self.AssertEqual(resultValues, []any{"result"})
	})

	// When a paused Deferred with a result is returned from a callback on
	// another Deferred, the other Deferred is chained to the first and waits
	// for it to be unpaused.
	addDeferredTest("test_chainedPausedDeferredWithResult", func(self *DeferredTests) {
		expected := object()
		paused := deferred.New()
		paused.Callback(expected)
		paused.Pause()
		chained := deferred.New()
		chained.AddCallback(func(ignored any) (any, error) { return paused, nil })
		chained.Callback(nil)

		result := list[any]{}
		chained.AddCallback(result.Append)
		self.AssertEqual(result, []any{})
		paused.Unpause()
		self.AssertEqual(result, []any{expected})
	})

	// A paused Deferred encountered while pushing a result forward through a
	// chain does not prevent earlier Deferreds from continuing to execute
	// their callbacks.
	addDeferredTest("test_pausedDeferredChained", func(self *DeferredTests) {
		first := deferred.New()
		second := deferred.New()
		first.AddCallback(func(ignored any) (any, error) { return second, nil })
		first.Callback(nil)
		first.Pause()
		second.Callback(nil)
		result := list[any]{}
		second.AddCallback(result.Append)
		self.AssertEqual(result, []any{nil})
	})
}
