package testdefer

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredTests: DeferredList.

// deferreds is a Python list of Deferreds, as DeferredList takes them.
type deferreds = []*deferred.Deferred

func init() {
	addDeferredTest("testDeferredList", func(self *DeferredTests) {
		defr1 := deferred.New()
		defr2 := deferred.New()
		defr3 := deferred.New()
		dl := deferred.DeferredList(deferreds{defr1, defr2, defr3})
		result := list[any]{}

		cb := func(resultList any) (any, error) {
			result = append(result, resultList.([]any)...)
			return nil, nil
		}

		catch := func(err *twisted.Failure) (any, error) {
			return nil, nil
		}

		dl.AddCallbacks(cb, func(f *twisted.Failure) (any, error) { return cb(f) })
		defr1.Callback("1")
		defr2.AddErrback(catch)
		// "catch" is added to eat the GenericError that will be passed on by
		// the DeferredList's callback on defr2. If left unhandled, the
		// Failure object would cause a log.err() warning about "Unhandled
		// error in Deferred". Twisted's pyunit watches for log.err calls and
		// treats them as failures. So "catch" must eat the error to prevent
		// it from flunking the test.
		defr2.Errback(GenericError.New("2"))
		defr3.Callback("3")
		self.AssertEqual(
			[]any{
				result[0],
				// result[1][1] is now a Failure instead of an Exception
				twisted.Tuple{at(result, 1, 0), str(at(result, 1, 1).(*twisted.Failure).Value)},
				result[2],
			},
			[]any{twisted.Tuple{deferred.SUCCESS, "1"}, twisted.Tuple{deferred.FAILURE, "2"}, twisted.Tuple{deferred.SUCCESS, "3"}},
		)
	})

	addDeferredTest("testEmptyDeferredList", func(self *DeferredTests) {
		result := list[any]{}

		cb := func(resultList any) (any, error) {
			return result.Append(resultList)
		}

		dl1 := deferred.DeferredList(deferreds{})
		dl1.AddCallbacks(cb, nil)
		self.AssertEqual(result, []any{[]any{}})

		result = result[:0]
		dl2 := deferred.DeferredList(
			deferreds{}, deferred.FireOnOneCallback,
		)
		dl2.AddCallbacks(cb, nil)
		self.AssertEqual(result, []any{})
	})

	addDeferredTest("testDeferredListFireOnOneError", func(self *DeferredTests) {
		defr1 := deferred.New()
		defr2 := deferred.New()
		defr3 := deferred.New()
		dl := deferred.DeferredList(deferreds{defr1, defr2, defr3}, deferred.FireOnOneErrback)
		result := list[*twisted.Failure]{}
		dl.AddErrback(result.AppendFailure)

		// consume errors after they pass through the DeferredList (to avoid
		// 'Unhandled error in Deferred'.
		catch := func(err *twisted.Failure) (any, error) {
			return nil, nil
		}

		defr2.AddErrback(catch)

		// fire one Deferred's callback, no result yet
		defr1.Callback("1")
		self.AssertEqual(result, []any{})

		// fire one Deferred's errback -- now we have a result
		defr2.Errback(GenericError.New("from def2"))
		self.AssertEqual(len(result), 1)

		// extract the result from the list
		aFailure := result[0]

		// the type of the failure is a FirstError
		self.AssertTrue(
			aFailure.Type.IsSubclass(deferred.FirstError),
			"issubclass(aFailure.type, defer.FirstError) failed: "+
				fmt.Sprintf("failure's type is %s", repr(aFailure.Type)),
		)

		firstError := aFailure.Value.(*deferred.FirstErrorValue)

		// check that the GenericError("2") from the deferred at index 1
		// (defr2) is intact inside failure.value
		self.AssertEqual(firstError.SubFailure.Type, GenericError)
		self.AssertEqual(args(firstError.SubFailure.Value), twisted.Tuple{"from def2"})
		self.AssertEqual(firstError.Index, 1)
	})

	addDeferredTest("testDeferredListDontConsumeErrors", func(self *DeferredTests) {
		d1 := deferred.New()
		dl := deferred.DeferredList(deferreds{d1})

		errorTrap := list[*twisted.Failure]{}
		d1.AddErrback(errorTrap.AppendFailure)

		resultLists := list[any]{}
		dl.AddCallback(resultLists.Append)

		d1.Errback(GenericError.New("Bang"))
		self.AssertEqual("Bang", args(errorTrap[0].Value)[0])
		self.AssertEqual(1, len(resultLists))
		firstResult := at(resultLists, 0, 0)
		assert(firstResult != nil)
		self.AssertEqual("Bang", args(at(firstResult, 1).(*twisted.Failure).Value)[0])
	})

	addDeferredTest("testDeferredListConsumeErrors", func(self *DeferredTests) {
		d1 := deferred.New()
		dl := deferred.DeferredList(deferreds{d1}, deferred.ConsumeErrors)

		errorTrap := list[*twisted.Failure]{}
		d1.AddErrback(errorTrap.AppendFailure)

		resultLists := list[any]{}
		dl.AddCallback(resultLists.Append)

		d1.Errback(GenericError.New("Bang"))
		self.AssertEqual([]any{}, errorTrap)
		self.AssertEqual(1, len(resultLists))
		firstResult := at(resultLists, 0, 0)
		assert(firstResult != nil)
		self.AssertEqual("Bang", args(at(firstResult, 1).(*twisted.Failure).Value)[0])
	})

	addDeferredTest("testDeferredListFireOnOneErrorWithAlreadyFiredDeferreds", func(self *DeferredTests) {
		// Create some deferreds, and errback one
		d1 := deferred.New()
		d2 := deferred.New()
		d1.Errback(GenericError.New("Bang"))

		// *Then* build the DeferredList, with fireOnOneErrback=True
		dl := deferred.DeferredList(deferreds{d1, d2}, deferred.FireOnOneErrback)
		result := list[*twisted.Failure]{}
		dl.AddErrback(result.AppendFailure)
		self.AssertEqual(1, len(result))

		d1.AddErrback(func(e *twisted.Failure) (any, error) { return nil, nil }) // Swallow error
	})

	addDeferredTest("testDeferredListWithAlreadyFiredDeferreds", func(self *DeferredTests) {
		// Create some deferreds, and err one, call the other
		d1 := deferred.New()
		d2 := deferred.New()
		d1.Errback(GenericError.New("Bang"))
		d2.Callback(2)

		// *Then* build the DeferredList
		dl := deferred.DeferredList(deferreds{d1, d2})

		result := list[any]{}
		dl.AddCallback(result.Append)

		self.AssertEqual(1, len(result))

		d1.AddErrback(func(e *twisted.Failure) (any, error) { return nil, nil }) // Swallow error
	})

	// When cancelling an unfired DeferredList, cancel every Deferred in the
	// list.
	addDeferredTest("test_cancelDeferredList", func(self *DeferredTests) {
		deferredOne := deferred.New()
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo})
		deferredList.Cancel()
		self.FailureResultOf(deferredOne, deferred.CancelledError)
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
	})

	// When cancelling an unfired DeferredList without the fireOnOneCallback
	// and fireOnOneErrback flags set, the DeferredList will be callback with
	// a list of (success, result) tuples.
	addDeferredTest("test_cancelDeferredListCallback", func(self *DeferredTests) {
		deferredOne := deferred.NewWithCanceller(fakeCallbackCanceller)
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo})
		deferredList.Cancel()
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
		result := self.SuccessResultOf(deferredList)
		self.AssertTrue(at(result, 0, 0))
		self.AssertEqual(at(result, 0, 1), "Callback Result")
		self.AssertFalse(at(result, 1, 0))
		self.AssertTrue(at(result, 1, 1).(*twisted.Failure).Check(deferred.CancelledError))
	})

	// When cancelling an unfired DeferredList with the flag
	// fireOnOneCallback set, cancel every Deferred in the list.
	addDeferredTest("test_cancelDeferredListWithFireOnOneCallback", func(self *DeferredTests) {
		deferredOne := deferred.New()
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo}, deferred.FireOnOneCallback)
		deferredList.Cancel()
		self.FailureResultOf(deferredOne, deferred.CancelledError)
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
	})

	// When cancelling an unfired DeferredList with the flag
	// fireOnOneCallback set, if one of the Deferred callbacks in its
	// canceller, the DeferredList will callback with the result and the
	// index of the Deferred in a tuple.
	addDeferredTest("test_cancelDeferredListWithFireOnOneCallbackAndDeferredCallback", func(self *DeferredTests) {
		deferredOne := deferred.NewWithCanceller(fakeCallbackCanceller)
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo}, deferred.FireOnOneCallback)
		deferredList.Cancel()
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
		result := self.SuccessResultOf(deferredList)
		self.AssertEqual(result, twisted.Tuple{"Callback Result", 0})
	})

	// When cancelling an unfired DeferredList with the flag fireOnOneErrback
	// set, cancel every Deferred in the list.
	addDeferredTest("test_cancelDeferredListWithFireOnOneErrback", func(self *DeferredTests) {
		deferredOne := deferred.New()
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo}, deferred.FireOnOneErrback)
		deferredList.Cancel()
		self.FailureResultOf(deferredOne, deferred.CancelledError)
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
		deferredListFailure := self.FailureResultOf(deferredList, deferred.FirstError)
		firstError := deferredListFailure.Value.(*deferred.FirstErrorValue)
		self.AssertTrue(firstError.SubFailure.Check(deferred.CancelledError))
	})

	// When cancelling an unfired DeferredList with the flag fireOnOneErrback
	// set, if all the Deferred callbacks in its canceller, the DeferredList
	// will callback with a list of (success, result) tuples.
	addDeferredTest("test_cancelDeferredListWithFireOnOneErrbackAllDeferredsCallback", func(self *DeferredTests) {
		deferredOne := deferred.NewWithCanceller(fakeCallbackCanceller)
		deferredTwo := deferred.NewWithCanceller(fakeCallbackCanceller)
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo}, deferred.FireOnOneErrback)
		deferredList.Cancel()
		result := self.SuccessResultOf(deferredList)
		self.AssertTrue(at(result, 0, 0))
		self.AssertEqual(at(result, 0, 1), "Callback Result")
		self.AssertTrue(at(result, 1, 0))
		self.AssertEqual(at(result, 1, 1), "Callback Result")
	})

	// Cancelling a DeferredList will cancel the original Deferreds passed
	// in.
	addDeferredTest("test_cancelDeferredListWithOriginalDeferreds", func(self *DeferredTests) {
		deferredOne := deferred.New()
		deferredTwo := deferred.New()
		argumentList := deferreds{deferredOne, deferredTwo}
		deferredList := deferred.DeferredList(argumentList)
		deferredThree := deferred.New()
		argumentList = append(argumentList, deferredThree)
		deferredList.Cancel()
		self.FailureResultOf(deferredOne, deferred.CancelledError)
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
		self.AssertNoResult(deferredThree)
		_ = argumentList
	})

	// Cancelling a DeferredList will cancel every Deferred in the list even
	// exceptions raised from the cancel method of the Deferreds.
	addDeferredTestExclusive("test_cancelDeferredListWithException", func(self *DeferredTests) {
		// A Deferred canceller that raises an exception.
		cancellerRaisesException := func(deferred *deferred.Deferred) {
			panic(twisted.RuntimeError.New("test"))
		}

		deferredOne := deferred.NewWithCanceller(cancellerRaisesException)
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo})
		deferredList.Cancel()
		self.FailureResultOf(deferredTwo, deferred.CancelledError)
		errors := self.FlushLoggedErrors(twisted.RuntimeError)
		self.AssertEqual(len(errors), 1)
	})

	// When a DeferredList has fired because one Deferred in the list fired
	// with a non-failure result, the cancellation will do nothing instead of
	// cancelling the rest of the Deferreds.
	addDeferredTest("test_cancelFiredOnOneCallbackDeferredList", func(self *DeferredTests) {
		deferredOne := deferred.New()
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo}, deferred.FireOnOneCallback)
		deferredOne.Callback(nil)
		deferredList.Cancel()
		self.AssertNoResult(deferredTwo)
	})

	// When a DeferredList has fired because one Deferred in the list fired
	// with a failure result, the cancellation will do nothing instead of
	// cancelling the rest of the Deferreds.
	addDeferredTest("test_cancelFiredOnOneErrbackDeferredList", func(self *DeferredTests) {
		deferredOne := deferred.New()
		deferredTwo := deferred.New()
		deferredList := deferred.DeferredList(deferreds{deferredOne, deferredTwo}, deferred.FireOnOneErrback)
		deferredOne.Errback(GenericError.New("test"))
		deferredList.Cancel()
		self.AssertNoResult(deferredTwo)
		self.FailureResultOf(deferredOne, GenericError)
		self.FailureResultOf(deferredList, deferred.FirstError)
	})
}
