package testdefer

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredTests: maybeDeferred.

func init() {
	// defer.maybeDeferred should retrieve the result of a synchronous
	// function and pass it to its resulting Deferred.
	addDeferredTest("test_maybeDeferredSync", func(self *DeferredTests) {
		result := object()
		results := list[any]{}
		errors := list[*twisted.Failure]{}
		d := deferred.MaybeDeferred(func() (any, error) { return result, nil })
		d.AddCallbacks(results.Append, errors.AppendFailure)
		self.AssertEqual(errors, []any{})
		self.AssertEqual(len(results), 1)
		self.AssertIs(results[0], result)
	})

	// defer.maybeDeferred should pass arguments to the called function.
	addDeferredTest("test_maybeDeferredSyncWithArgs", func(self *DeferredTests) {
		plusFive := func(x any) any {
			return add(x, 5)
		}

		results := list[any]{}
		errors := list[*twisted.Failure]{}
		d := deferred.MaybeDeferred(func() (any, error) { return plusFive(10), nil })
		d.AddCallbacks(results.Append, errors.AppendFailure)
		self.AssertEqual(errors, []any{})
		self.AssertEqual(results, []any{15})
	})

	// defer.maybeDeferred should catch an exception raised by a synchronous
	// function and errback its resulting Deferred with it.
	addDeferredTest("test_maybeDeferredSyncException", func(self *DeferredTests) {
		var expected string
		func() {
			defer func() { expected = str(twisted.FailureFromPanic(recover()).Value) }()
			add("10", 5)
		}()

		plusFive := func(x any) any {
			return add(x, 5)
		}

		results := list[any]{}
		errors := list[*twisted.Failure]{}
		d := deferred.MaybeDeferred(func() (any, error) { return plusFive("10"), nil })
		d.AddCallbacks(results.Append, errors.AppendFailure)
		self.AssertEqual(results, []any{})
		self.AssertEqual(len(errors), 1)
		self.AssertEqual(str(errors[0].Value), expected)
	})

	// defer.maybeDeferred should handle a Failure returned by a function and
	// errback with it.
	addDeferredTest("test_maybeDeferredSyncFailure", func(self *DeferredTests) {
		var expected *twisted.Failure
		func() {
			defer func() { expected = twisted.FailureFromPanic(recover()) }()
			add("10", 5)
		}()

		results := list[any]{}
		errors := list[*twisted.Failure]{}
		d := deferred.MaybeDeferred(func() (any, error) { return expected, nil })
		d.AddCallbacks(results.Append, errors.AppendFailure)
		self.AssertEqual(results, []any{})
		self.AssertEqual(len(errors), 1)
		self.AssertIs(errors[0], expected)
	})

	// defer.maybeDeferred should let Deferred instance pass by so that
	// original result is the same.
	addDeferredTest("test_maybeDeferredAsync", func(self *DeferredTests) {
		d1 := deferred.New()
		d2 := deferred.MaybeDeferred(func() (any, error) { return d1, nil })
		d1.Callback("Success")
		result := list[any]{}
		d2.AddCallback(result.Append)
		self.AssertEqual(result, []any{"Success"})
	})

	// defer.maybeDeferred should let Deferred instance pass by so that
	// Failure returned by the original instance is the same.
	addDeferredTest("test_maybeDeferredAsyncError", func(self *DeferredTests) {
		d1 := deferred.New()
		d2 := deferred.MaybeDeferred(
			func() (any, error) { return d1, nil }, // because nested Deferred
		)
		d1.Errback(twisted.NewFailure(twisted.RuntimeError.New()))
		self.AssertImmediateFailure(d2, twisted.RuntimeError)
	})
}
