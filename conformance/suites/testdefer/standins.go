package testdefer

// The Go side of what the prelude's appended part holds for the scenarios
// of AlreadyCalledTests, DeferredCancellerTests, DeferredAddTimeoutTests,
// LogTests, OtherPrimitivesTests, FirstErrorTests, UtilTests and the other
// small classes: assertions that print no values, trial's (asynchronous)
// TestCase, and the registration of tests written as methods.
//
// Those tests are methods of their class (func (self *AlreadyCalledTests)
// testX()), not closures: Deferred debugging and Failures record stacks,
// and some tests look for their own name in them, as Python's do.

import (
	"fmt"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
)

// assertRaisesUnshown is the prelude's _assertRaisesUnshown: assertRaises,
// printing the class of the exception raised and not its arguments (which
// hold stacks, say). A class adopts it by defining AssertRaises with it.
func (tc *SynchronousTestCase) assertRaisesUnshown(exception *twisted.Class, f func() error) error {
	err := raised(f)
	switch {
	case err == nil:
		tc.check(fmt.Sprintf("assertRaises(%s) -> nothing raised", show(exception)), false)
	case !twisted.ClassOf(err).IsSubclass(exception):
		tc.check(fmt.Sprintf("assertRaises(%s) -> %s(<not shown>)", show(exception), twisted.ClassOf(err).Name()), false)
	}
	tc.t.Printf("assertRaises(%s) -> %s(<not shown>)", show(exception), twisted.ClassOf(err).Name())
	return err
}

// assertEqualUnshown is the prelude's _assertEqualUnshown: assertEqual,
// printing whether the values are equal and not the values.
func (tc *SynchronousTestCase) assertEqualUnshown(first, second any, msg ...any) any {
	tc.check("assertEqual(<not shown>, <not shown>)", pyEqual(first, second), msg...)
	return first
}

// TestCase is the prelude's TestCase: trial's asynchronous TestCase. A
// test of one runs as a SynchronousTestCase's, and then trial flushes the
// errors still logged (which the prelude's flushLoggedErrors prints).
type TestCase struct {
	SynchronousTestCase
}

// afterTest is what the runner does once setUp, the test, the cleanups
// and tearDown have run.
func (tc *TestCase) afterTest() { tc.FlushLoggedErrors() }

// A testMode says how a test runs: in parallel with the others, alone
// (it changes process-wide settings: see runExclusive), or alone with the
// deferred package's log scoped to it (see withLogScope).
type testMode int

const (
	parallel testMode = iota
	exclusive
	logging
)

// addTest registers <class>.<name> of Twisted 22.4, a test method of the
// class that newCase makes.
func addTest[C testCase](class, name string, mode testMode, newCase func() C, test func(self C)) {
	addTestFrom(class, name, "(Twisted 22.4)", conformance.Recorded, mode, newCase, test)
}

func addTestFrom[C testCase](class, name, version string, origin conformance.Origin, mode testMode, newCase func() C, test func(self C)) {
	Suite.Add(conformance.Scenario{
		Name:   class + "." + name,
		Source: "src/twisted/test/test_defer.py " + class + "." + name + " " + version,
		Origin: origin,
		Run: func(t *conformance.T) {
			// As run and runExclusive, but holding the lock over afterTest too.
			if mode == parallel {
				globals.RLock()
				defer globals.RUnlock()
			} else {
				globals.Lock()
				defer globals.Unlock()
				logged.mu.Lock()
				logged.failures = nil
				logged.mu.Unlock()
			}
			if mode == logging {
				defer withLogScope(class)()
			}
			c := newCase()
			runCase(t, c, test)
			if a, ok := any(c).(interface{ afterTest() }); ok {
				a.afterTest()
			}
		},
	})
}

// raise is Python's raising where Go returns an error: it panics with err
// if there is one, as the Python call raises it.
func raise(err error) {
	if err != nil {
		panic(err)
	}
}

// orRaise returns v, or raises err (see raise): for a Go call that returns
// (v, err) where the Python returns v or raises.
func orRaise[T any](v T, err error) T {
	raise(err)
	return v
}

// pyRange is list(range(start, stop)).
func pyRange(start, stop int) []any {
	out := []any{}
	for i := start; i < stop; i++ {
		out = append(out, i)
	}
	return out
}

// pop removes and returns the last element: list.pop().
func (l *list[T]) pop() T {
	last := (*l)[len(*l)-1]
	*l = (*l)[:len(*l)-1]
	return last
}

// floordiv is Python's a // b on ints: a ZeroDivisionError ("integer
// division or modulo by zero") when b is 0, as Go's integer division
// panics then.
func floordiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q-- // Python floors, Go truncates
	}
	return q
}
