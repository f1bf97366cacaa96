package pyunit

import (
	"reflect"
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// failed is the prelude's _Failed: what a failed assertion raises. It is an
// AssertionError, so that a Deferred's callback that fails an assertion
// carries it down the chain as Python's does.
var failed = twisted.NewClass("_Failed", twisted.AssertionError)

// A TestCase stands in for trial's TestCase as the prelude's does: each
// assertion prints its name and the values it checked (through Show), then
// "FAILED" and stops the test if it does not hold.
//
// A scenario's fixture embeds a TestCase and may define SetUp and
// TearDown; Run runs one test of it.
type TestCase struct {
	t        *conformance.T
	reactor  *reactor.Reactor
	global   bool // the test uses reactor.Default()
	cleanups []func()
	logged   []*twisted.Failure
}

// Case is what Run runs: a fixture that embeds a TestCase.
type Case interface {
	Base() *TestCase
	SetUp()
	TearDown()
}

// Base returns the TestCase itself, for Run.
func (tc *TestCase) Base() *TestCase { return tc }

// SetUp does nothing, as TestCase.setUp.
func (tc *TestCase) SetUp() {}

// TearDown does nothing, as TestCase.tearDown.
func (tc *TestCase) TearDown() {}

// T returns the scenario's trace, for a test that prints beyond its
// assertions.
func (tc *TestCase) T() *conformance.T { return tc.t }

// Reactor returns the scenario's own reactor, created on first use: the
// stand-in for Python's global twisted.internet.reactor (a Reactor runs
// only once, so each scenario has its own). Run runs it while it waits for
// the Deferred a test returns.
func (tc *TestCase) Reactor() *reactor.Reactor {
	if tc.reactor == nil {
		tc.reactor = reactor.New()
	}
	return tc.reactor
}

// GlobalReactor returns reactor.Default(), for a test that needs the very
// global reactor (the global Cooperator schedules on it). Run then drives
// it with Iterate while it waits for the test's Deferred, since the global
// reactor can Run only once in a process; only one scenario of a test
// binary should use it.
func (tc *TestCase) GlobalReactor() *reactor.Reactor {
	tc.global = true
	return reactor.Default()
}

// AddCleanup registers f to run after TearDown, last registered first.
func (tc *TestCase) AddCleanup(f func()) { tc.cleanups = append(tc.cleanups, f) }

// Log records a failure as logged with log.err, for FlushLoggedErrors.
func (tc *TestCase) Log(f *twisted.Failure) { tc.logged = append(tc.logged, f) }

// FlushLoggedErrors returns (and forgets) the failures logged so far that
// are of one of classes (all of them when none is given).
func (tc *TestCase) FlushLoggedErrors(classes ...*twisted.Class) []*twisted.Failure {
	var kept, flushed []*twisted.Failure
	for _, f := range tc.logged {
		if len(classes) == 0 || f.Check(classes...) != nil {
			flushed = append(flushed, f)
		} else {
			kept = append(kept, f)
		}
	}
	tc.logged = kept
	return flushed
}

func (tc *TestCase) check(ok bool, name string, values ...any) {
	parts := []string{name}
	for _, v := range values {
		parts = append(parts, Show(v))
	}
	line := strings.Join(parts, " ")
	if !ok {
		tc.t.Print(line, "FAILED")
		panic(failed.New(line))
	}
	tc.t.Print(line)
}

// Fail prints "fail" and msg, and fails the test.
func (tc *TestCase) Fail(msg any) {
	tc.t.Print("fail", Show(msg))
	panic(failed.New(msg))
}

// AssertEqual checks first == second, with Python's equality (numbers by
// value whatever their type, lists and tuples item by item, other values
// by ==).
func (tc *TestCase) AssertEqual(first, second any) {
	tc.check(Equal(first, second), "assertEqual", first, second)
}

// AssertNotEqual checks first != second.
func (tc *TestCase) AssertNotEqual(first, second any) {
	tc.check(!Equal(first, second), "assertNotEqual", first, second)
}

// AssertTrue checks that x is true as Python's bool(x).
func (tc *TestCase) AssertTrue(x any) { tc.check(twisted.Truthy(x), "assertTrue", x) }

// AssertFalse checks that x is false as Python's bool(x).
func (tc *TestCase) AssertFalse(x any) { tc.check(!twisted.Truthy(x), "assertFalse", x) }

// AssertIs checks that first is second: the same pointer, or equal
// comparable values.
func (tc *TestCase) AssertIs(first, second any) {
	tc.check(identical(first, second), "assertIs", first, second)
}

// AssertIsNone checks that x is None (nil, a nil pointer or twisted.None).
func (tc *TestCase) AssertIsNone(x any) {
	tc.check(x == nil || x == any(twisted.None) || isNil(x), "assertIsNone", x)
}

// AssertIn checks that x is an item of container (a slice).
func (tc *TestCase) AssertIn(x, container any) {
	tc.check(contains(container, x), "assertIn", x, container)
}

// AssertNotIn checks that x is not an item of container (a slice).
func (tc *TestCase) AssertNotIn(x, container any) {
	tc.check(!contains(container, x), "assertNotIn", x, container)
}

// AssertIsInstance checks that x is a T, printing T by its type name as
// the prelude prints the Python class.
func AssertIsInstance[T any](tc *TestCase, x any) {
	_, ok := x.(T)
	tc.check(ok, "assertIsInstance", x, typeToken(typeName(reflect.TypeFor[T]())))
}

// typeToken shows as a bare name, as show() prints a class.
type typeToken string

func (t typeToken) PyRepr() string { return string(t) }

// AssertRaises calls f and checks that it fails with an exception of
// class: that it returns such an error, or panics with one (Python's
// raise). It returns the exception.
func (tc *TestCase) AssertRaises(class *twisted.Class, f func() error) error {
	err := catch(f)
	if err == nil {
		tc.check(false, "assertRaises", class, "returned", nil)
	}
	tc.check(twisted.ClassOf(err).IsSubclass(class), "assertRaises", class, err)
	return err
}

func catch(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = twisted.FailureFromPanic(v).Value
		}
	}()
	return f()
}

// AssertFailure adds to d callbacks that check it fails with one of
// expected: its errback prints the failure and passes its exception on as
// the result; its callback fails the test.
func (tc *TestCase) AssertFailure(d *deferred.Deferred, expected ...*twisted.Class) *deferred.Deferred {
	return d.AddCallbacks(func(result any) (any, error) {
		tc.check(false, "assertFailure", "returned", result)
		return nil, nil
	}, func(f *twisted.Failure) (any, error) {
		tc.check(f.Check(expected...) != nil, "assertFailure", f)
		return f.Value, nil
	})
}

// AssertNoResult checks that d has no result yet.
func (tc *TestCase) AssertNoResult(d *deferred.Deferred) {
	var results []any
	d.AddBoth(func(r any) (any, error) { results = append(results, r); return nil, nil })
	tc.check(len(results) == 0, "assertNoResult", results...)
}

// SuccessResultOf checks that d has a result that is not a failure, and
// returns it.
func (tc *TestCase) SuccessResultOf(d *deferred.Deferred) any {
	var results []any
	d.AddBoth(func(r any) (any, error) { results = append(results, r); return nil, nil })
	ok := len(results) == 1
	if ok {
		_, isFailure := results[0].(*twisted.Failure)
		ok = !isFailure
	}
	tc.check(ok, "successResultOf", results...)
	return results[0]
}

// FailureResultOf checks that d has a result that is a failure, of one
// of expected if any are given, and returns it.
func (tc *TestCase) FailureResultOf(d *deferred.Deferred, expected ...*twisted.Class) *twisted.Failure {
	var results []any
	d.AddBoth(func(r any) (any, error) { results = append(results, r); return nil, nil })
	f, ok := (*twisted.Failure)(nil), len(results) == 1
	if ok {
		f, ok = results[0].(*twisted.Failure)
	}
	if ok && len(expected) > 0 {
		ok = f.Check(expected...) != nil
	}
	tc.check(ok, "failureResultOf", results...)
	return f
}

// Equal is Python's ==: numbers (and bools) by value across types, lists
// with lists and tuples with tuples item by item, dicts by their items,
// anything else with Go's == when comparable.
func Equal(a, b any) bool {
	if na, ok := number(a); ok {
		nb, ok := number(b)
		return ok && na == nb
	}
	if _, ok := number(b); ok {
		return false
	}
	if ta, ok := a.(twisted.Tuple); ok {
		tb, ok := b.(twisted.Tuple)
		return ok && equalSeq(reflect.ValueOf([]any(ta)), reflect.ValueOf([]any(tb)))
	}
	if _, ok := b.(twisted.Tuple); ok {
		return false
	}
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if isList(ra) && isList(rb) {
		return equalSeq(ra, rb)
	}
	if ra.Kind() == reflect.Map && rb.Kind() == reflect.Map {
		if ra.Len() != rb.Len() {
			return false
		}
		keyType := rb.Type().Key()
		for _, k := range ra.MapKeys() {
			if k.Kind() == reflect.Interface {
				k = k.Elem()
			}
			if !k.IsValid() || !k.Type().AssignableTo(keyType) {
				return false // no such key in b, whose keys are of another type
			}
			vb := rb.MapIndex(k)
			if !vb.IsValid() || !Equal(ra.MapIndex(k).Interface(), vb.Interface()) {
				return false
			}
		}
		return true
	}
	if isNone(a) || isNone(b) {
		return isNone(a) && isNone(b)
	}
	return identical(a, b)
}

func isNone(x any) bool {
	return x == nil || x == any(twisted.None) || isNil(x) && !isList(reflect.ValueOf(x))
}

func isList(rv reflect.Value) bool {
	return rv.IsValid() && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array)
}

func equalSeq(a, b reflect.Value) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !Equal(a.Index(i).Interface(), b.Index(i).Interface()) {
			return false
		}
	}
	return true
}

func number(x any) (float64, bool) {
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Bool:
		if rv.Bool() {
			return 1, true
		}
		return 0, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}

// identical is Python's `is` for the values the scenarios compare: the
// same pointer, or equal comparable values (small numbers, strings, None).
func identical(a, b any) bool {
	if isNone(a) || isNone(b) {
		return isNone(a) && isNone(b)
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb || !ta.Comparable() {
		return false
	}
	return a == b
}

func contains(container, x any) bool {
	rv := reflect.ValueOf(container)
	if t, ok := container.(twisted.Tuple); ok {
		rv = reflect.ValueOf([]any(t))
	}
	if !isList(rv) {
		return false
	}
	for i := range rv.Len() {
		if Equal(rv.Index(i).Interface(), x) {
			return true
		}
	}
	return false
}
