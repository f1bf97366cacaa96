package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	"fmt"
	"slices"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// RaceTests is test_defer.py's RaceTests (Twisted HEAD; 22.4 has no race):
// deferred.Race. Their goldens state what the assertions check (Origin
// Assertion), for every example of the @given ranges.
type RaceTests struct {
	SynchronousTestCase
}

func init() {
	add := func(name string, mode testMode, test func(*RaceTests)) {
		addTestFrom("RaceTests", name, headRevision, conformance.Assertion, mode,
			func() *RaceTests { return &RaceTests{} }, test)
	}
	add("test_success", parallel, func(self *RaceTests) {
		givenIntegers2(0, 3, 0, 3, self.test_success)
	})
	add("test_failure", parallel, func(self *RaceTests) {
		givenIntegers2(0, 3, 0, 3, self.test_failure)
	})
	add("test_resultAfterCancel", logging, func(self *RaceTests) {
		givenIntegers2(0, 3, 0, 3, self.test_resultAfterCancel)
	})
	add("test_resultFromCancel", parallel, (*RaceTests).test_resultFromCancel)
	add("test_cancel", parallel, func(self *RaceTests) {
		for numDeferreds := 1; numDeferreds <= 3; numDeferreds++ {
			self.test_cancel(numDeferreds)
		}
	})
}

// givenIntegers2 is @given(a=integers(aMin, aMax), b=integers(bMin, bMax))
// as the scenario's stand-in has it: the test once for every pair, a in
// the outer loop.
func givenIntegers2(aMin, aMax, bMin, bMax int, test func(a, b int)) {
	for a := aMin; a <= aMax; a++ {
		for b := bMin; b <= bMax; b++ {
			test(a, b)
		}
	}
}

// A matcher is a hamcrest matcher, as the scenario's stand-in has it.
type matcher struct {
	description string
	matches     func(actual any) bool
}

func equal_to(expected any) matcher {
	return matcher{fmt.Sprintf("equal_to(%s)", show(expected)), func(actual any) bool { return pyEqual(actual, expected) }}
}

func empty() matcher {
	return matcher{"empty()", func(actual any) bool { return !truth(actual) }}
}

// assert_that is hamcrest's assert_that, printing what it checks.
func (tc *SynchronousTestCase) assert_that(actual any, m matcher) {
	tc.check(fmt.Sprintf("assert_that(%s, %s)", show(actual), m.description), m.matches(actual))
}

// _setupRaceState creates a list of Deferreds and a corresponding list of
// integers tracking how many times each Deferred has been cancelled.
// Without additional steps the Deferreds will never fire.
func _setupRaceState(numDeferreds int) ([]int, []*deferred.Deferred) {
	cancelledState := make([]int, numDeferreds)

	ds := []*deferred.Deferred{}
	for n := range numDeferreds {
		cancel := func(d *deferred.Deferred) {
			cancelledState[n] += 1
		}

		ds = append(ds, deferred.NewWithCanceller(cancel))
	}

	return cancelledState, ds
}

// When one of the Deferreds passed to race fires successfully, the
// Deferred return by race fires with the index of that Deferred and its
// result and cancels the rest of the Deferreds.
func (self *RaceTests) test_success(beforeWinner int, afterWinner int) {
	cancelledState, ds := _setupRaceState(beforeWinner + 1 + afterWinner)

	raceResult := deferred.Race(ds)
	expected := object()
	ds[beforeWinner].Callback(expected)

	// The result should be the index and result of the only Deferred that
	// fired.
	self.assert_that(
		self.SuccessResultOf(raceResult),
		equal_to(twisted.Tuple{beforeWinner, expected}),
	)
	// All Deferreds except the winner should have been cancelled once.
	expectedCancelledState := slices.Concat(mul([]any{1}, beforeWinner).([]any), []any{0}, mul([]any{1}, afterWinner).([]any))
	self.assert_that(
		cancelledState,
		equal_to(expectedCancelledState),
	)
}

// When all of the Deferreds passed to race fire with failures, the
// Deferred return by race fires with FailureGroup wrapping all of their
// failures.
func (self *RaceTests) test_failure(beforeWinner int, afterWinner int) {
	cancelledState, ds := _setupRaceState(beforeWinner + 1 + afterWinner)

	failure := twisted.NewFailure(twisted.Exception.New("The test demands failures."))
	raceResult := deferred.Race(ds)
	for _, d := range ds {
		d.Errback(failure)
	}

	actualFailure := self.FailureResultOf(raceResult, deferred.FailureGroup)
	self.assert_that(
		actualFailure.Value.(*deferred.FailureGroupValue).Failures,
		equal_to(mul([]any{failure}, len(ds))),
	)
	self.assert_that(
		cancelledState,
		equal_to(mul([]any{0}, len(ds))),
	)
}

// If one of the Deferreds fires after it was cancelled its result goes
// nowhere. In particular, it does not cause any errors to be logged.
func (self *RaceTests) test_resultAfterCancel(beforeWinner int, afterWinner int) {
	// Ensure we have a Deferred to win and at least one other Deferred
	// that can ignore cancellation.
	ds := []*deferred.Deferred{}
	for range beforeWinner + 2 + afterWinner {
		ds = append(ds, deferred.New())
	}

	raceResult := deferred.Race(ds)
	ds[beforeWinner].Callback(nil)
	ds[beforeWinner+1].Callback(nil)

	self.SuccessResultOf(raceResult)
	self.assert_that(self.FlushLoggedErrors(), empty())
}

// If one of the input Deferreds has a cancel function that fires it with
// success, nothing bad happens.
func (self *RaceTests) test_resultFromCancel() {
	winner := deferred.New()
	ds := []*deferred.Deferred{
		winner,
		deferred.NewWithCanceller(func(d *deferred.Deferred) { d.Callback(object()) }),
	}
	expected := object()
	raceResult := deferred.Race(ds)
	winner.Callback(expected)

	self.assert_that(self.SuccessResultOf(raceResult), equal_to(twisted.Tuple{0, expected}))
}

// If the result of race is cancelled then all of the Deferreds passed in
// are cancelled.
func (self *RaceTests) test_cancel(numDeferreds int) {
	cancelledState, ds := _setupRaceState(numDeferreds)

	raceResult := deferred.Race(ds)
	raceResult.Cancel()

	self.assert_that(cancelledState, equal_to(mul([]any{1}, numDeferreds)))
	self.FailureResultOf(raceResult, deferred.FailureGroup)
}
