package testdefer

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredTests: re-entrant callbacks and Deferreds returned by callbacks
// (implicit chaining).

func init() {
	// When a Deferred encounters a result which is another Deferred which is
	// waiting on a third Deferred, the middle Deferred's callbacks are
	// executed after the third Deferred fires and before the first receives
	// a result.
	addDeferredTest("test_innerCallbacksPreserved", func(self *DeferredTests) {
		results := list[any]{}
		failures := list[*twisted.Failure]{}
		inner := deferred.New()

		cb := func(result any) (any, error) {
			results.Append(twisted.Tuple{"start-of-cb", result})
			d := deferred.Succeed("inner")

			firstCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"firstCallback", "inner"})
				return inner, nil
			}

			secondCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"secondCallback", result})
				return mul(result, 2), nil
			}

			d.AddCallback(firstCallback).AddCallback(secondCallback)
			d.AddErrback(failures.AppendFailure)
			return d, nil
		}

		outer := deferred.Succeed("outer")
		outer.AddCallback(cb)
		inner.Callback("orange")
		outer.AddCallback(results.Append)
		inner.AddErrback(failures.AppendFailure)
		outer.AddErrback(failures.AppendFailure)
		self.AssertEqual([]any{}, failures)
		self.AssertEqual(
			results,
			[]any{
				twisted.Tuple{"start-of-cb", "outer"},
				twisted.Tuple{"firstCallback", "inner"},
				twisted.Tuple{"secondCallback", "orange"},
				"orangeorange",
			},
		)
	})

	// A callback added to a Deferred by a callback on that Deferred should
	// be added to the end of the callback chain.
	addDeferredTest("test_reentrantRunCallbacks", func(self *DeferredTests) {
		deferred := deferred.New()
		called := list[any]{}

		callback3 := func(result any) (any, error) {
			return called.Append(3)
		}

		callback2 := func(result any) (any, error) {
			return called.Append(2)
		}

		callback1 := func(result any) (any, error) {
			called.Append(1)
			deferred.AddCallback(callback3)
			return nil, nil
		}

		deferred.AddCallback(callback1)
		deferred.AddCallback(callback2)
		deferred.Callback(nil)
		self.AssertEqual(called, []any{1, 2, 3})
	})

	// A callback added to a Deferred by a callback on that Deferred should
	// not be executed until the running callback returns.
	addDeferredTest("test_nonReentrantCallbacks", func(self *DeferredTests) {
		deferred := deferred.New()
		called := list[any]{}

		callback2 := func(result any) (any, error) {
			return called.Append(2)
		}

		callback1 := func(result any) (any, error) {
			called.Append(1)
			deferred.AddCallback(callback2)
			self.AssertEqual(called, []any{1})
			return nil, nil
		}

		deferred.AddCallback(callback1)
		deferred.Callback(nil)
		self.AssertEqual(called, []any{1, 2})
	})

	// After an exception is raised by a callback which was added to a
	// Deferred by a callback on that Deferred, the Deferred should call the
	// first errback with a Failure wrapping that exception.
	addDeferredTest("test_reentrantRunCallbacksWithFailure", func(self *DeferredTests) {
		exceptionMessage := "callback raised exception"
		deferred := deferred.New()

		callback2 := func(result any) (any, error) {
			return nil, twisted.Exception.New(exceptionMessage)
		}

		callback1 := func(result any) (any, error) {
			deferred.AddCallback(callback2)
			return nil, nil
		}

		deferred.AddCallback(callback1)
		deferred.Callback(nil)
		exception := self.AssertImmediateFailure(deferred, twisted.Exception)
		self.AssertEqual(args(exception), twisted.Tuple{exceptionMessage})
	})

	// If a first Deferred with a result is returned from a callback on a
	// second Deferred, the result of the second Deferred becomes the result
	// of the first Deferred and the result of the first Deferred becomes
	// None.
	addDeferredTest("test_synchronousImplicitChain", func(self *DeferredTests) {
		result := object()
		first := deferred.Succeed(result)
		second := deferred.New()
		second.AddCallback(func(ign any) (any, error) { return first, nil })
		second.Callback(nil)

		results := list[any]{}
		first.AddCallback(results.Append)
		self.AssertIsNone(results[0])
		second.AddCallback(results.Append)
		self.AssertIs(results[1], result)
	})

	// If a first Deferred without a result is returned from a callback on a
	// second Deferred, the result of the second Deferred becomes the result
	// of the first Deferred as soon as the first Deferred has one and the
	// result of the first Deferred becomes None.
	addDeferredTest("test_asynchronousImplicitChain", func(self *DeferredTests) {
		first := deferred.New()
		second := deferred.New()
		second.AddCallback(func(ign any) (any, error) { return first, nil })
		second.Callback(nil)

		firstResult := list[any]{}
		first.AddCallback(firstResult.Append)
		secondResult := list[any]{}
		second.AddCallback(secondResult.Append)

		self.AssertEqual(firstResult, []any{})
		self.AssertEqual(secondResult, []any{})

		result := object()
		first.Callback(result)

		self.AssertEqual(firstResult, []any{nil})
		self.AssertEqual(secondResult, []any{result})
	})

	// If a first Deferred with a Failure result is returned from a callback
	// on a second Deferred, the first Deferred's result is converted to None
	// and no unhandled error is logged when it is garbage collected.
	addDeferredTest("test_synchronousImplicitErrorChain", func(self *DeferredTests) {
		first := deferred.Fail(twisted.RuntimeError.New("First Deferred's Failure"))

		cb := func(_ any) (any, error) {
			return first, nil
		}

		second := deferred.New()
		second.AddCallback(cb)
		second.Callback(nil)
		firstResult := list[any]{}
		first.AddCallback(firstResult.Append)
		self.AssertIsNone(firstResult[0])
		self.AssertImmediateFailure(second, twisted.RuntimeError)
	})

	// Let a and b be two Deferreds.
	//
	// If a has no result and is returned from a callback on b then when a
	// fails, b's result becomes the Failure that was a's result, the result
	// of a becomes None so that no unhandled error is logged when it is
	// garbage collected.
	addDeferredTest("test_asynchronousImplicitErrorChain", func(self *DeferredTests) {
		first := deferred.New()
		second := deferred.New()
		second.AddCallback(func(ign any) (any, error) { return first, nil })
		second.Callback(nil)
		secondError := list[*twisted.Failure]{}
		second.AddErrback(secondError.AppendFailure)

		firstResult := list[any]{}
		first.AddCallback(firstResult.Append)
		secondResult := list[any]{}
		second.AddCallback(secondResult.Append)

		self.AssertEqual(firstResult, []any{})
		self.AssertEqual(secondResult, []any{})

		first.Errback(twisted.RuntimeError.New("First Deferred's Failure"))
		self.AssertTrue(secondError[0].Check(twisted.RuntimeError))
		self.AssertEqual(firstResult, []any{nil})
		self.AssertEqual(len(secondResult), 1)
	})

	// Deferred chaining is transitive.
	//
	// In other words, let A, B, and C be Deferreds. If C is returned from a
	// callback on B and B is returned from a callback on A then when C
	// fires, A fires.
	addDeferredTest("test_doubleAsynchronousImplicitChaining", func(self *DeferredTests) {
		first := deferred.New()
		second := deferred.New()
		second.AddCallback(func(ign any) (any, error) { return first, nil })
		third := deferred.New()
		third.AddCallback(func(ign any) (any, error) { return second, nil })

		thirdResult := list[any]{}
		third.AddCallback(thirdResult.Append)

		result := object()
		// After this, second is waiting for first to tell it to continue.
		second.Callback(nil)
		// And after this, third is waiting for second to tell it to continue.
		third.Callback(nil)

		// Still waiting
		self.AssertEqual(thirdResult, []any{})

		// This will tell second to continue which will tell third to continue.
		first.Callback(result)

		self.AssertEqual(thirdResult, []any{result})
	})

	// Deferreds can have callbacks that themselves return Deferreds. When
	// these "inner" Deferreds fire (even asynchronously), the callback chain
	// continues.
	addDeferredTest("test_nestedAsynchronousChainedDeferreds", func(self *DeferredTests) {
		results := list[any]{}
		failures := list[*twisted.Failure]{}

		// A Deferred returned in the inner callback.
		inner := deferred.New()

		cb := func(result any) (any, error) {
			results.Append(twisted.Tuple{"start-of-cb", result})
			d := deferred.Succeed("inner")

			firstCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"firstCallback", "inner"})
				// Return a Deferred that definitely has not fired yet, so we
				// can fire the Deferreds out of order.
				return inner, nil
			}

			secondCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"secondCallback", result})
				return mul(result, 2), nil
			}

			d.AddCallback(firstCallback).AddCallback(secondCallback)
			d.AddErrback(failures.AppendFailure)
			return d, nil
		}

		// Create a synchronous Deferred that has a callback 'cb' that returns
		// a Deferred 'd' that has fired but is now waiting on an unfired
		// Deferred 'inner'.
		outer := deferred.Succeed("outer")
		outer.AddCallback(cb)
		outer.AddCallback(results.Append)
		// At this point, the callback 'cb' has been entered, and the first
		// callback of 'd' has been called.
		self.AssertEqual(
			results, []any{twisted.Tuple{"start-of-cb", "outer"}, twisted.Tuple{"firstCallback", "inner"}},
		)

		// Once the inner Deferred is fired, processing of the outer Deferred's
		// callback chain continues.
		inner.Callback("orange")

		// Make sure there are no errors.
		inner.AddErrback(failures.AppendFailure)
		outer.AddErrback(failures.AppendFailure)
		self.AssertEqual([]any{}, failures, "Got errbacks but wasn't expecting any.")

		self.AssertEqual(
			results,
			[]any{
				twisted.Tuple{"start-of-cb", "outer"},
				twisted.Tuple{"firstCallback", "inner"},
				twisted.Tuple{"secondCallback", "orange"},
				"orangeorange",
			},
		)
	})

	// Deferreds can have callbacks that themselves return Deferreds. These
	// Deferreds can have other callbacks added before they are returned,
	// which subtly changes the callback chain. When these "inner" Deferreds
	// fire (even asynchronously), the outer callback chain continues.
	addDeferredTest("test_nestedAsynchronousChainedDeferredsWithExtraCallbacks", func(self *DeferredTests) {
		results := list[any]{}
		failures := list[*twisted.Failure]{}

		// A Deferred returned in the inner callback after a callback is
		// added explicitly and directly to it.
		inner := deferred.New()

		cb := func(result any) (any, error) {
			results.Append(twisted.Tuple{"start-of-cb", result})
			d := deferred.Succeed("inner")

			firstCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"firstCallback", result})
				// Return a Deferred that definitely has not fired yet with a
				// result-transforming callback so we can fire the Deferreds
				// out of order and see how the callback affects the ultimate
				// results.

				transform := func(result any) (any, error) {
					return []any{result}, nil
				}

				return inner.AddCallback(transform), nil
			}

			secondCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"secondCallback", result})
				return mul(result, 2), nil
			}

			d.AddCallback(firstCallback)
			d.AddCallback(secondCallback)
			d.AddErrback(failures.AppendFailure)
			return d, nil
		}

		// Create a synchronous Deferred that has a callback 'cb' that returns
		// a Deferred 'd' that has fired but is now waiting on an unfired
		// Deferred 'inner'.
		outer := deferred.Succeed("outer")
		outer.AddCallback(cb)
		outer.AddCallback(results.Append)
		// At this point, the callback 'cb' has been entered, and the first
		// callback of 'd' has been called.
		self.AssertEqual(
			results, []any{twisted.Tuple{"start-of-cb", "outer"}, twisted.Tuple{"firstCallback", "inner"}},
		)

		// Once the inner Deferred is fired, processing of the outer Deferred's
		// callback chain continues.
		inner.Callback("withers")

		// Make sure there are no errors.
		outer.AddErrback(failures.AppendFailure)
		inner.AddErrback(failures.AppendFailure)
		self.AssertEqual([]any{}, failures, "Got errbacks but wasn't expecting any.")

		self.AssertEqual(
			results,
			[]any{
				twisted.Tuple{"start-of-cb", "outer"},
				twisted.Tuple{"firstCallback", "inner"},
				twisted.Tuple{"secondCallback", []any{"withers"}},
				[]any{"withers", "withers"},
			},
		)
	})

	// Given three Deferreds, one chained to the next chained to the next,
	// callbacks on the middle Deferred which are added after the chain is
	// created are called once the last Deferred fires.
	//
	// This is more of a regression-style test. It doesn't exercise any
	// particular code path through the current implementation of Deferred,
	// but it does exercise a broken codepath through one of the variations
	// of the implementation proposed as a resolution to ticket #411.
	addDeferredTest("test_resultOfDeferredResultOfDeferredOfFiredDeferredCalled", func(self *DeferredTests) {
		first := deferred.New()
		second := deferred.New()
		third := deferred.New()
		first.AddCallback(func(ignored any) (any, error) { return second, nil })
		second.AddCallback(func(ignored any) (any, error) { return third, nil })
		second.Callback(nil)
		first.Callback(nil)
		third.Callback(nil)
		results := list[any]{}
		second.AddCallback(results.Append)
		self.AssertEqual(results, []any{nil})
	})
}
