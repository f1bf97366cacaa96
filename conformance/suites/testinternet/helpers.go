package testinternet

import (
	"errors"
	"time"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The scenarios transcribe the tests of test_internet.py that exercise
// callLater, DelayedCall, the reactor's thread calls and its system event
// triggers: TimeTests, DelayedTests, CallFromThreadStopsAndWakeUpTests,
// CallFromThreadTests, ThreePhaseEventTests and SystemEventTests.
// Each test's `reactor` is the scenario's own Reactor (self.Reactor()),
// which pyunit.Run runs while the test's Deferred is pending, as the
// prelude's run() runs Python's global reactor.
//
// Not transcribed, and why:
//
//   - TimeTests.test_seconds and TimeTests.test_callLaterReset print
//     wall-clock times (assertEqual(now - now + now, now), assertNotEqual
//     of two call times), which differ from run to run: no golden can hold
//     them. reactor's TestSeconds and TestGetDelayedCalls cover both.
//   - TimeTests.test_callLaterUsesReactorSecondsInDelayedCall and
//     test_callLaterUsesReactorSecondsAsDelayedCallSecondsFactory replace
//     the reactor's seconds method (reactor.seconds = lambda: 100): a Go
//     method cannot be replaced, and a DelayedCall has no seconds attribute.
//   - TimeTests.testDelayedCallSecondsOverride builds a base.DelayedCall
//     directly, with its own seconds function: DelayedCalls are only made
//     by CallLater in Go. Clock covers a DelayedCall on another time source.

// addTest registers <class>.<name>, whose Python is
// testdata/<class>.<name>.py: the test runs on a fresh fixture, as trial
// makes one per test.
func addTest[C pyunit.Case](class, name string, fixture func() C, test func(self C) any) {
	Suite.Add(conformance.Scenario{
		Name:      class + "." + name,
		Source:    "src/twisted/test/test_internet.py " + class + "." + name,
		Origin:    conformance.Recorded,
		Run:       func(t *conformance.T) { pyunit.Run(t, fixture(), test) },
		WallClock: wallClock[class+"."+name],
	})
}

// wallClock names the tests whose trace depends on the real clock's pace:
// testGetDelayedCalls' addCallback timer (at 0.25 s) adds one at 0.40 s,
// after done's (0.35 s) ends the test; held back past 0.40 s, the reactor
// runs both in one iteration and the test prints one more checkTimers
// line, in Twisted as in Go (seen under a loaded CI machine).
var wallClock = map[string]bool{
	"DelayedTests.testGetDelayedCalls": true,
}

// DelayedCall is reactor.DelayedCall, for code where `reactor` names the
// scenario's Reactor.
type DelayedCall = reactor.DelayedCall

// internetError is twisted.internet.error, as far as these tests use it.
var internetError = struct{ AlreadyCalled, AlreadyCancelled *twisted.Class }{
	reactor.AlreadyCalled, reactor.AlreadyCancelled,
}

// try is Python's try statement: pyunit.Try.
var try = pyunit.Try

// str is Python's str(x), for the DelayedCall stringification test.
func str(x interface{ String() string }) string { return x.String() }

// timeTime is Python's time.time().
func timeTime() float64 { return float64(time.Now().UnixNano()) / 1e9 }

// TriggerID is reactor.TriggerID, for code where `reactor` names the
// scenario's Reactor.
type TriggerID = reactor.TriggerID

// function stands for a Python function object that the test hands over
// but never calls (ThreePhaseEventTests' self.trigger): a pointer, so that
// it compares by identity as a function does, shown as <function>.
type function struct{ f func(x any) any }

// object is Python's object(): compared by identity, shown as <object>.
type object struct{ _ byte }

// raise is Python's propagation of an exception: a call that returns an
// error where the Python raises panics with it.
func raise(err error) {
	if err != nil {
		panic(err)
	}
}

// shownWarnings are the warnings warn has seen since assertWarns began:
// Go has no warnings module, so code under test returns a warning as an
// error (a twisted.Warning), where the Python calls warnings.warn.
var shownWarnings []error

// warn is warnings.warn for an error returned by the code under test: a
// Warning is recorded for assertWarns, any other error raised.
func warn(err error) {
	if err == nil {
		return
	}
	if !errors.Is(err, twisted.Warning) {
		panic(err)
	}
	shownWarnings = append(shownWarnings, err)
}

// assertWarns is trial's assertWarns as the prelude's stand-in prints it:
// calling f emits a warning of category with message (the filename is not
// checked: Go has none to give).
func assertWarns(self *pyunit.TestCase, category *twisted.Class, message string, f func()) {
	shownWarnings = nil
	f()
	var first any // None
	ok := false
	if len(shownWarnings) > 0 {
		e := twisted.AsError(shownWarnings[0])
		first = twisted.Str(e)
		ok = e.Class == category && first == message
	}
	shownWarnings = nil
	if !ok {
		self.Fail("assertWarns " + pyunit.Show(category) + " " + pyunit.Show(first))
	}
	self.T().Print("assertWarns", pyunit.Show(category), pyunit.Show(first))
}
