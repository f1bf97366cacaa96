package testdefer

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredTests: gatherResults, and callbacks waiting on it.

func init() {
	addDeferredTest("test_gatherResults", func(self *DeferredTests) {
		// test successful list of deferreds
		results := list[any]{}
		deferred.GatherResults(deferreds{deferred.Succeed(1), deferred.Succeed(2)}).AddCallback(
			results.Append,
		)
		self.AssertEqual(results, []any{[]any{1, 2}})
		// test failing list of deferreds
		errors := list[*twisted.Failure]{}
		dl := deferreds{deferred.Succeed(1), deferred.Fail(twisted.ValueError.New())}
		deferred.GatherResults(dl).AddErrback(errors.AppendFailure)
		self.AssertEqual(len(errors), 1)
		self.AssertIsInstance(errors[0], Failure)
		// get rid of error
		dl[1].AddErrback(func(e *twisted.Failure) (any, error) { return 1, nil })
	})

	// If a Deferred in the list passed to gatherResults fires with a failure
	// and consumerErrors is True, the failure is converted to a None result
	// on that Deferred.
	addDeferredTest("test_gatherResultsWithConsumeErrors", func(self *DeferredTests) {
		// test successful list of deferreds
		dgood := deferred.Succeed(1)
		dbad := deferred.Fail(twisted.RuntimeError.New("oh noes"))
		d := deferred.GatherResults(deferreds{dgood, dbad}, deferred.ConsumeErrors)
		unconsumedErrors := list[*twisted.Failure]{}
		dbad.AddErrback(unconsumedErrors.AppendFailure)
		gatheredErrors := list[*twisted.Failure]{}
		d.AddErrback(gatheredErrors.AppendFailure)

		self.AssertEqual(twisted.Tuple{len(unconsumedErrors), len(gatheredErrors)}, twisted.Tuple{0, 1})
		self.AssertIsInstance(gatheredErrors[0].Value, deferred.FirstError)
		firstError := gatheredErrors[0].Value.(*deferred.FirstErrorValue).SubFailure
		self.AssertIsInstance(firstError.Value, twisted.RuntimeError)
	})

	// When cancelling the defer.gatherResults call, all the Deferreds in the
	// list will be cancelled.
	addDeferredTest("test_cancelGatherResults", func(self *DeferredTests) {
		deferredOne := deferred.New()
		deferredTwo := deferred.New()
		result := deferred.GatherResults(deferreds{deferredOne, deferredTwo})
		result.Cancel()
		self.FailureResultOf(deferredOne, deferred.CancelledError)
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
		gatherResultsFailure := self.FailureResultOf(result, deferred.FirstError)
		firstError := gatherResultsFailure.Value.(*deferred.FirstErrorValue)
		self.AssertTrue(firstError.SubFailure.Check(deferred.CancelledError))
	})

	// When cancelling the defer.gatherResults call, if all the Deferreds
	// callback in their canceller, the Deferred returned by
	// defer.gatherResults will be callbacked with the list of the results.
	addDeferredTest("test_cancelGatherResultsWithAllDeferredsCallback", func(self *DeferredTests) {
		deferredOne := deferred.NewWithCanceller(fakeCallbackCanceller)
		deferredTwo := deferred.NewWithCanceller(fakeCallbackCanceller)
		result := deferred.GatherResults(deferreds{deferredOne, deferredTwo})
		result.Cancel()
		callbackResult := self.SuccessResultOf(result)
		self.AssertEqual(at(callbackResult, 0), "Callback Result")
		self.AssertEqual(at(callbackResult, 1), "Callback Result")
	})

	// The continue callback of a Deferred waiting for another Deferred is
	// not necessarily the first one. This is somewhat a whitebox test
	// checking that we search for that callback among the whole list of
	// callbacks.
	addDeferredTest("test_continueCallbackNotFirst", func(self *DeferredTests) {
		results := list[any]{}
		failures := list[*twisted.Failure]{}
		a := deferred.New()

		cb := func(result any) (any, error) {
			results.Append(twisted.Tuple{"cb", result})
			d := deferred.New()

			firstCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"firstCallback", result})
				return deferred.GatherResults(deferreds{a}), nil
			}

			secondCallback := func(result any) (any, error) {
				return results.Append(twisted.Tuple{"secondCallback", result})
			}

			d.AddCallback(firstCallback)
			d.AddCallback(secondCallback)
			d.AddErrback(failures.AppendFailure)
			d.Callback(nil)
			return d, nil
		}

		outer := deferred.Succeed("outer")
		outer.AddCallback(cb)
		outer.AddErrback(failures.AppendFailure)
		self.AssertEqual([]any{twisted.Tuple{"cb", "outer"}, twisted.Tuple{"firstCallback", nil}}, results)
		a.Callback("withers")
		self.AssertEqual([]any{}, failures)
		self.AssertEqual(
			results,
			[]any{twisted.Tuple{"cb", "outer"}, twisted.Tuple{"firstCallback", nil}, twisted.Tuple{"secondCallback", []any{"withers"}}},
		)
	})

	// A callback added to a Deferred after a previous callback attached
	// another Deferred as a result is run after the callbacks of the other
	// Deferred are run.
	addDeferredTest("test_callbackOrderPreserved", func(self *DeferredTests) {
		results := list[any]{}
		failures := list[*twisted.Failure]{}
		a := deferred.New()

		cb := func(result any) (any, error) {
			results.Append(twisted.Tuple{"cb", result})
			d := deferred.New()

			firstCallback := func(result any) (any, error) {
				results.Append(twisted.Tuple{"firstCallback", result})
				return deferred.GatherResults(deferreds{a}), nil
			}

			secondCallback := func(result any) (any, error) {
				return results.Append(twisted.Tuple{"secondCallback", result})
			}

			d.AddCallback(firstCallback)
			d.AddCallback(secondCallback)
			d.AddErrback(failures.AppendFailure)
			d.Callback(nil)
			return d, nil
		}

		outer := deferred.New()
		outer.AddCallback(cb)
		outer.AddCallback(func(x any) (any, error) { return results.Append(twisted.Tuple{"final", nil}) })
		outer.AddErrback(failures.AppendFailure)
		outer.Callback("outer")
		self.AssertEqual([]any{twisted.Tuple{"cb", "outer"}, twisted.Tuple{"firstCallback", nil}}, results)
		a.Callback("withers")
		self.AssertEqual([]any{}, failures)
		self.AssertEqual(
			results,
			[]any{
				twisted.Tuple{"cb", "outer"},
				twisted.Tuple{"firstCallback", nil},
				twisted.Tuple{"secondCallback", []any{"withers"}},
				twisted.Tuple{"final", nil},
			},
		)
	})
}
