package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	"errors"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// AlreadyCalledTests is test_defer.py's AlreadyCalledTests: firing a
// Deferred twice, with and without debugging. Its tests change
// deferred.SetDebugging, so they run exclusively.
type AlreadyCalledTests struct {
	SynchronousTestCase
	_deferredWasDebugging bool
}

func init() {
	for name, test := range map[string]func(*AlreadyCalledTests){
		"testAlreadyCalled_CC":      (*AlreadyCalledTests).testAlreadyCalled_CC,
		"testAlreadyCalled_CE":      (*AlreadyCalledTests).testAlreadyCalled_CE,
		"testAlreadyCalled_EE":      (*AlreadyCalledTests).testAlreadyCalled_EE,
		"testAlreadyCalled_EC":      (*AlreadyCalledTests).testAlreadyCalled_EC,
		"testAlreadyCalledDebug_CC": (*AlreadyCalledTests).testAlreadyCalledDebug_CC,
		"testAlreadyCalledDebug_CE": (*AlreadyCalledTests).testAlreadyCalledDebug_CE,
		"testAlreadyCalledDebug_EC": (*AlreadyCalledTests).testAlreadyCalledDebug_EC,
		"testAlreadyCalledDebug_EE": (*AlreadyCalledTests).testAlreadyCalledDebug_EE,
		"testNoDebugging":           (*AlreadyCalledTests).testNoDebugging,
		"testSwitchDebugging":       (*AlreadyCalledTests).testSwitchDebugging,
	} {
		addTest("AlreadyCalledTests", name, exclusive, func() *AlreadyCalledTests { return &AlreadyCalledTests{} }, test)
	}
}

// AssertRaises is the scenario's stand-in (assertRaises =
// _assertRaisesUnshown): the AlreadyCalledError raised here carries the
// stacks of the Deferred, which differ in Go.
func (self *AlreadyCalledTests) AssertRaises(exception *twisted.Class, f func() error) error {
	return self.assertRaisesUnshown(exception, f)
}

func (self *AlreadyCalledTests) setUp() {
	self._deferredWasDebugging = deferred.GetDebugging()
	deferred.SetDebugging(true)
}

func (self *AlreadyCalledTests) tearDown() {
	deferred.SetDebugging(self._deferredWasDebugging)
}

func (self *AlreadyCalledTests) _callback(any) (any, error) {
	return nil, nil
}

func (self *AlreadyCalledTests) _errback(*twisted.Failure) (any, error) {
	return nil, nil
}

func (self *AlreadyCalledTests) _call_1(d *deferred.Deferred) {
	d.Callback("hello")
}

func (self *AlreadyCalledTests) _call_2(d *deferred.Deferred) {
	d.Callback("twice")
}

func (self *AlreadyCalledTests) _err_1(d *deferred.Deferred) {
	d.Errback(twisted.NewFailure(twisted.RuntimeError.New()))
}

func (self *AlreadyCalledTests) _err_2(d *deferred.Deferred) {
	d.Errback(twisted.NewFailure(twisted.RuntimeError.New()))
}

func (self *AlreadyCalledTests) testAlreadyCalled_CC() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._call_1(d)
	self.AssertRaises(deferred.AlreadyCalledError, func() error { self._call_2(d); return nil })
}

func (self *AlreadyCalledTests) testAlreadyCalled_CE() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._call_1(d)
	self.AssertRaises(deferred.AlreadyCalledError, func() error { self._err_2(d); return nil })
}

func (self *AlreadyCalledTests) testAlreadyCalled_EE() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._err_1(d)
	self.AssertRaises(deferred.AlreadyCalledError, func() error { self._err_2(d); return nil })
}

func (self *AlreadyCalledTests) testAlreadyCalled_EC() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._err_1(d)
	self.AssertRaises(deferred.AlreadyCalledError, func() error { self._call_2(d); return nil })
}

// _count counts the lines of type linetype (" C:" creator, " I:" invoker)
// that name the function func. A Python frame line ends " in name"; a Go
// one " in package.(*Class).name", hence the second suffix.
func (self *AlreadyCalledTests) _count(linetype string, function string, lines []string, expected int) {
	count := 0
	for _, line := range lines {
		if strings.HasPrefix(line, " "+linetype+":") && (strings.HasSuffix(line, " "+function) || strings.HasSuffix(line, "."+function)) {
			count += 1
		}
	}
	self.AssertTrue(count == expected)
}

func (self *AlreadyCalledTests) _check(e error, caller string, invoker1 string, invoker2 string) {
	// make sure the debugging information is vaguely correct
	lines := strings.Split(args(e)[0].(string), "\n")
	// the creator should list the creator (testAlreadyCalledDebug) but not
	// _call_1 or _call_2 or other invokers
	self._count("C", caller, lines, 1)
	self._count("C", "_call_1", lines, 0)
	self._count("C", "_call_2", lines, 0)
	self._count("C", "_err_1", lines, 0)
	self._count("C", "_err_2", lines, 0)
	// invoker should list the first invoker but not the second
	self._count("I", invoker1, lines, 1)
	self._count("I", invoker2, lines, 0)
}

// alreadyCalled is Python's `except defer.AlreadyCalledError as e`: the
// AlreadyCalledError that f raises, or nil if it raises nothing; any
// other exception goes on up, as an exception the except clause does not
// name.
func alreadyCalled(f func()) error {
	e := raised(func() error { f(); return nil })
	if e != nil && !errors.Is(e, deferred.AlreadyCalledError) {
		panic(e)
	}
	return e
}

func (self *AlreadyCalledTests) testAlreadyCalledDebug_CC() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._call_1(d)
	if e := alreadyCalled(func() { self._call_2(d) }); e != nil {
		self._check(e, "testAlreadyCalledDebug_CC", "_call_1", "_call_2")
	} else {
		self.Fail("second callback failed to raise AlreadyCalledError")
	}
}

func (self *AlreadyCalledTests) testAlreadyCalledDebug_CE() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._call_1(d)
	if e := alreadyCalled(func() { self._err_2(d) }); e != nil {
		self._check(e, "testAlreadyCalledDebug_CE", "_call_1", "_err_2")
	} else {
		self.Fail("second errback failed to raise AlreadyCalledError")
	}
}

func (self *AlreadyCalledTests) testAlreadyCalledDebug_EC() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._err_1(d)
	if e := alreadyCalled(func() { self._call_2(d) }); e != nil {
		self._check(e, "testAlreadyCalledDebug_EC", "_err_1", "_call_2")
	} else {
		self.Fail("second callback failed to raise AlreadyCalledError")
	}
}

func (self *AlreadyCalledTests) testAlreadyCalledDebug_EE() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._err_1(d)
	if e := alreadyCalled(func() { self._err_2(d) }); e != nil {
		self._check(e, "testAlreadyCalledDebug_EE", "_err_1", "_err_2")
	} else {
		self.Fail("second errback failed to raise AlreadyCalledError")
	}
}

func (self *AlreadyCalledTests) testNoDebugging() {
	deferred.SetDebugging(false)
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	self._call_1(d)
	if e := alreadyCalled(func() { self._call_2(d) }); e != nil {
		self.AssertFalse(args(e))
	} else {
		self.Fail("second callback failed to raise AlreadyCalledError")
	}
}

func (self *AlreadyCalledTests) testSwitchDebugging() {
	// Make sure Deferreds can deal with debug state flipping
	// around randomly.  This is covering a particular fixed bug.
	deferred.SetDebugging(false)
	d := deferred.New()
	d.AddBoth(func(ign any) (any, error) { return nil, nil })
	deferred.SetDebugging(true)
	d.Callback(nil)

	deferred.SetDebugging(false)
	d = deferred.New()
	d.Callback(nil)
	deferred.SetDebugging(true)
	d.AddBoth(func(ign any) (any, error) { return nil, nil })
}
