package testdefgen

import (
	"errors"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The module level of test_defgen.py. `reactor`, Python's global one, is
// the scenario's own (self.Reactor()), which pyunit.Run runs while the
// test's Deferred is pending.

func getThing(reactor *reactor.Reactor) *deferred.Deferred {
	d := deferred.New()
	reactor.CallLater(0, func() { d.Callback("hi") })
	return d
}

func getOwie(reactor *reactor.Reactor) *deferred.Deferred {
	d := deferred.New()
	CRAP := func() {
		d.Errback(twisted.ZeroDivisionError.New("OMG"))
	}
	reactor.CallLater(0, CRAP)
	return d
}

// TerminalException is test_defgen.py's TerminalException(Exception).
var TerminalException = twisted.NewClass("TerminalException", twisted.Exception)

// generators are the generator implementations each subclass of
// BaseDefgenTests provides.
type generators interface {
	_genBasics() *deferred.Deferred
	_genBuggy() *deferred.Deferred
	_genNothing() *deferred.Deferred
	_genHandledTerminalFailure() *deferred.Deferred
	_genHandledTerminalAsyncFailure(d *deferred.Deferred) *deferred.Deferred
	_genStackUsage() *deferred.Deferred
	_genStackUsage2() *deferred.Deferred
}

// BaseDefgenTests sets up a bunch of test cases which test both
// deferredGenerator and inlineCallbacks based generators. The
// "subclasses" DeferredGeneratorTests and InlineCallbacksTests each
// provide the actual generator implementations tested (gen: Python's self
// seen as the subclass).
type BaseDefgenTests struct {
	pyunit.TestCase
	gen generators
	// modern is set when the test runs as Twisted 22.4's (Python 3).
	modern bool
}

// trueDivideByZero is `1 / 0` in InlineCallbacksTests._genBuggy: Python
// 2's integer division in 2009, Python 3's true division in 22.4, whose
// messages differ. (DeferredGeneratorTests' 22.4 `1 // 0` is integer
// division in both.)
func (self *BaseDefgenTests) trueDivideByZero() {
	if self.modern {
		panic(twisted.ZeroDivisionError.New("division by zero"))
	}
	zero := 0
	_ = 1 / zero
}

// assertEqual is Python's addCallback(self.assertEqual, second).
func (self *BaseDefgenTests) assertEqual(second any) func(any) (any, error) {
	return func(first any) (any, error) {
		self.AssertEqual(first, second)
		return nil, nil
	}
}

// testBasics: a normal deferredGenerator works. Tests yielding a deferred
// which callbacks, as well as a deferred errbacks. Also ensures returning
// a final value works.
func (self *BaseDefgenTests) testBasics() any {
	return self.gen._genBasics().AddCallback(self.assertEqual("WOOSH"))
}

// testBuggy: a buggy generator properly signals a Failure condition on the
// result deferred.
func (self *BaseDefgenTests) testBuggy() any {
	return self.AssertFailure(self.gen._genBuggy(), twisted.ZeroDivisionError)
}

// testNothing: a generator which never yields results in None.
func (self *BaseDefgenTests) testNothing() any {
	return self.gen._genNothing().AddCallback(self.assertEqual(nil))
}

// testHandledTerminalFailure: a generator which yields a Deferred which
// fails and handles the exception does not errback its Deferred.
func (self *BaseDefgenTests) testHandledTerminalFailure() any {
	return self.gen._genHandledTerminalFailure().AddCallback(self.assertEqual(nil))
}

// testHandledTerminalAsyncFailure: just like testHandledTerminalFailure,
// only with a Deferred which fires asynchronously with an error.
func (self *BaseDefgenTests) testHandledTerminalAsyncFailure() any {
	d := deferred.New()
	deferredGeneratorResultDeferred := self.gen._genHandledTerminalAsyncFailure(d)
	d.Errback(TerminalException.New("Handled Terminal Failure"))
	return deferredGeneratorResultDeferred.AddCallback(self.assertEqual(nil))
}

// testStackUsage: no stack blown when yielding immediately available
// deferreds.
func (self *BaseDefgenTests) testStackUsage() any {
	return self.gen._genStackUsage().AddCallback(self.assertEqual(0))
}

// testStackUsage2: no stack blown when yielding immediately available
// values.
func (self *BaseDefgenTests) testStackUsage2() any {
	return self.gen._genStackUsage2().AddCallback(self.assertEqual(0))
}

// baseTests are BaseDefgenTests' tests, by name.
var baseTests = map[string]func(*BaseDefgenTests) any{
	"testBasics":                      (*BaseDefgenTests).testBasics,
	"testBuggy":                       (*BaseDefgenTests).testBuggy,
	"testNothing":                     (*BaseDefgenTests).testNothing,
	"testHandledTerminalFailure":      (*BaseDefgenTests).testHandledTerminalFailure,
	"testHandledTerminalAsyncFailure": (*BaseDefgenTests).testHandledTerminalAsyncFailure,
	"testStackUsage":                  (*BaseDefgenTests).testStackUsage,
	"testStackUsage2":                 (*BaseDefgenTests).testStackUsage2,
}

// A Test is one transcribed test of test_defgen.py: its class and name,
// and the Go that runs it and prints its trace.
type Test struct {
	Class, Name string
	// Run runs the test, as 22.4's if modern.
	Run func(t *conformance.T, modern bool)
}

// Tests are the tests of test_defgen.py that both 2009's and 22.4's have,
// with the same bodies (22.4 spells testYieldNonDeferrred as
// testYieldNonDeferred; Alias gives a test's 22.4 name where it differs).
var Tests []Test

// Alias maps a test's 2009 name to its 22.4 name, where they differ.
var Alias = map[string]string{"InlineCallbacksTests.testYieldNonDeferrred": "InlineCallbacksTests.testYieldNonDeferred"}

func addTest(class, name string, run func(t *conformance.T, modern bool)) {
	Tests = append(Tests, Test{class, name, run})
	Suite.Add(conformance.Scenario{
		Name:   class + "." + name,
		Source: "twisted/test/test_defgen.py " + class + "." + name + " (b2b5697a0f^)",
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { run(t, false) },
	})
}

func init() {
	for name, test := range baseTests {
		addTest("DeferredGeneratorTests", name, func(t *conformance.T, modern bool) {
			self := newDeferredGeneratorTests()
			self.modern = modern
			pyunit.Run(t, self, func(self *DeferredGeneratorTests) any { return test(&self.BaseDefgenTests) })
		})
		addTest("InlineCallbacksTests", name, func(t *conformance.T, modern bool) {
			self := newInlineCallbacksTests()
			self.modern = modern
			pyunit.Run(t, self, func(self *InlineCallbacksTests) any { return test(&self.BaseDefgenTests) })
		})
	}
	addTest("DeferredGeneratorTests", "testDeferredYielding", func(t *conformance.T, _ bool) {
		pyunit.Run(t, newDeferredGeneratorTests(), (*DeferredGeneratorTests).testDeferredYielding)
	})
	for name, test := range map[string]func(*InlineCallbacksTests) any{
		"testYieldNonDeferrred": (*InlineCallbacksTests).testYieldNonDeferrred,
		"testReturnNoValue":     (*InlineCallbacksTests).testReturnNoValue,
		"testReturnValue":       (*InlineCallbacksTests).testReturnValue,
	} {
		addTest("InlineCallbacksTests", name, func(t *conformance.T, _ bool) {
			pyunit.Run(t, newInlineCallbacksTests(), test)
		})
	}
}

// catchFailure is Python's `except E, e:` around getResult, or a yield of
// inlineCallbacks: the failure's exception if err is one of class, else
// nil (and err is re-raised: panicked with).
func catchFailure(err error, class *twisted.Class) error {
	if err == nil {
		return nil
	}
	if !errors.Is(err, class) {
		panic(err)
	}
	return twisted.NewFailure(err).Value
}
