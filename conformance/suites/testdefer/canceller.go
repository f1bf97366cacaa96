package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// DeferredCancellerTests is test_defer.py's DeferredCancellerTests:
// Deferred.cancel with and without a canceller.
type DeferredCancellerTests struct {
	SynchronousTestCase
	callbackResults    any // Optional[str]
	errbackResults     *twisted.Failure
	callback2Results   any
	cancellerCallCount int
}

func init() {
	for name, test := range map[string]func(*DeferredCancellerTests){
		"test_noCanceller":                                      (*DeferredCancellerTests).test_noCanceller,
		"test_raisesAfterCancelAndCallback":                     (*DeferredCancellerTests).test_raisesAfterCancelAndCallback,
		"test_raisesAfterCancelAndErrback":                      (*DeferredCancellerTests).test_raisesAfterCancelAndErrback,
		"test_noCancellerMultipleCancelsAfterCancelAndCallback": (*DeferredCancellerTests).test_noCancellerMultipleCancelsAfterCancelAndCallback,
		"test_noCancellerMultipleCancelsAfterCancelAndErrback":  (*DeferredCancellerTests).test_noCancellerMultipleCancelsAfterCancelAndErrback,
		"test_noCancellerMultipleCancel":                        (*DeferredCancellerTests).test_noCancellerMultipleCancel,
		"test_cancellerMultipleCancel":                          (*DeferredCancellerTests).test_cancellerMultipleCancel,
		"test_simpleCanceller":                                  (*DeferredCancellerTests).test_simpleCanceller,
		"test_cancellerArg":                                     (*DeferredCancellerTests).test_cancellerArg,
		"test_cancelAfterCallback":                              (*DeferredCancellerTests).test_cancelAfterCallback,
		"test_cancelAfterErrback":                               (*DeferredCancellerTests).test_cancelAfterErrback,
		"test_cancellerThatErrbacks":                            (*DeferredCancellerTests).test_cancellerThatErrbacks,
		"test_cancellerThatCallbacks":                           (*DeferredCancellerTests).test_cancellerThatCallbacks,
		"test_cancelNestedDeferred":                             (*DeferredCancellerTests).test_cancelNestedDeferred,
	} {
		addTest("DeferredCancellerTests", name, parallel, func() *DeferredCancellerTests { return &DeferredCancellerTests{} }, test)
	}
}

func (self *DeferredCancellerTests) setUp() {
	self.callbackResults = nil
	self.errbackResults = nil
	self.callback2Results = nil
	self.cancellerCallCount = 0
}

func (self *DeferredCancellerTests) tearDown() {
	// Sanity check that the canceller was called at most once.
	self.AssertIn(self.cancellerCallCount, twisted.Tuple{0, 1})
}

func (self *DeferredCancellerTests) _callback(data any) (any, error) {
	self.callbackResults = data
	return data, nil
}

//lint:ignore U1000 kept as test_defer.py has it, where no test uses it either
func (self *DeferredCancellerTests) _callback2(data any) (any, error) {
	self.callback2Results = data
	return nil, nil
}

func (self *DeferredCancellerTests) _errback(error *twisted.Failure) (any, error) {
	self.errbackResults = error
	return nil, nil
}

// A Deferred without a canceller must errback with a CancelledError and
// not callback.
func (self *DeferredCancellerTests) test_noCanceller() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, deferred.CancelledError)
	self.AssertIsNone(self.callbackResults)
}

// A Deferred without a canceller, when cancelled must allow a single extra
// call to callback, and raise AlreadyCalledError if callbacked or
// errbacked thereafter.
func (self *DeferredCancellerTests) test_raisesAfterCancelAndCallback() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()

	// A single extra callback should be swallowed.
	d.Callback(nil)

	// But a second call to callback or errback is not.
	self.AssertRaises(deferred.AlreadyCalledError, func() error { d.Callback(nil); return nil })
	self.AssertRaises(deferred.AlreadyCalledError, func() error { d.Errback(twisted.Exception.New()); return nil })
}

// A Deferred without a canceller, when cancelled must allow a single extra
// call to errback, and raise AlreadyCalledError if callbacked or errbacked
// thereafter.
func (self *DeferredCancellerTests) test_raisesAfterCancelAndErrback() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()

	// A single extra errback should be swallowed.
	d.Errback(twisted.Exception.New())

	// But a second call to callback or errback is not.
	self.AssertRaises(deferred.AlreadyCalledError, func() error { d.Callback(nil); return nil })
	self.AssertRaises(deferred.AlreadyCalledError, func() error { d.Errback(twisted.Exception.New()); return nil })
}

// A Deferred without a canceller, when cancelled and then callbacked,
// ignores multiple cancels thereafter.
func (self *DeferredCancellerTests) test_noCancellerMultipleCancelsAfterCancelAndCallback() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	currentFailure := self.errbackResults
	// One callback will be ignored
	d.Callback(nil)
	// Cancel should have no effect.
	d.Cancel()
	self.AssertIs(currentFailure, self.errbackResults)
}

// A Deferred without a canceller, when cancelled and then errbacked,
// ignores multiple cancels thereafter.
func (self *DeferredCancellerTests) test_noCancellerMultipleCancelsAfterCancelAndErrback() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, deferred.CancelledError)
	currentFailure := self.errbackResults
	// One errback will be ignored
	d.Errback(GenericError.New())
	// I.e., we should still have a CancelledError.
	self.AssertEqual(self.errbackResults.Type, deferred.CancelledError)
	d.Cancel()
	self.AssertIs(currentFailure, self.errbackResults)
}

// Calling cancel multiple times on a deferred with no canceller results
// in a CancelledError. Subsequent calls to cancel do not cause an error.
func (self *DeferredCancellerTests) test_noCancellerMultipleCancel() {
	d := deferred.New()
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, deferred.CancelledError)
	currentFailure := self.errbackResults
	d.Cancel()
	self.AssertIs(currentFailure, self.errbackResults)
}

// Verify that calling cancel multiple times on a deferred with a canceller
// that does not errback results in a CancelledError and that subsequent
// calls to cancel do not cause an error and that after all that, the
// canceller was only called once.
func (self *DeferredCancellerTests) test_cancellerMultipleCancel() {
	cancel := func(d *deferred.Deferred) {
		self.cancellerCallCount += 1
	}

	d := deferred.NewWithCanceller(cancel)
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, deferred.CancelledError)
	currentFailure := self.errbackResults
	d.Cancel()
	self.AssertIs(currentFailure, self.errbackResults)
	self.AssertEqual(self.cancellerCallCount, 1)
}

// Verify that a Deferred calls its specified canceller when it is
// cancelled, and that further call/errbacks raise AlreadyCalledError.
func (self *DeferredCancellerTests) test_simpleCanceller() {
	cancel := func(d *deferred.Deferred) {
		self.cancellerCallCount += 1
	}

	d := deferred.NewWithCanceller(cancel)
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	self.AssertEqual(self.cancellerCallCount, 1)
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, deferred.CancelledError)

	// Test that further call/errbacks are *not* swallowed
	self.AssertRaises(deferred.AlreadyCalledError, func() error { d.Callback(nil); return nil })
	self.AssertRaises(deferred.AlreadyCalledError, func() error { d.Errback(twisted.Exception.New()); return nil })
}

// Verify that a canceller is given the correct deferred argument.
func (self *DeferredCancellerTests) test_cancellerArg() {
	var d *deferred.Deferred
	cancel := func(d1 *deferred.Deferred) {
		self.AssertIs(d1, d)
	}

	d = deferred.NewWithCanceller(cancel)
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
}

// Test that cancelling a deferred after it has been callbacked does not
// cause an error.
func (self *DeferredCancellerTests) test_cancelAfterCallback() {
	cancel := func(d *deferred.Deferred) {
		self.cancellerCallCount += 1
		d.Errback(GenericError.New())
	}

	d := deferred.NewWithCanceller(cancel)
	d.AddCallbacks(self._callback, self._errback)
	d.Callback("biff!")
	d.Cancel()
	self.AssertEqual(self.cancellerCallCount, 0)
	self.AssertIsNone(self.errbackResults)
	self.AssertEqual(self.callbackResults, "biff!")
}

// Test that cancelling a Deferred after it has been errbacked does not
// result in a CancelledError.
func (self *DeferredCancellerTests) test_cancelAfterErrback() {
	cancel := func(d *deferred.Deferred) {
		self.cancellerCallCount += 1
		d.Errback(GenericError.New())
	}

	d := deferred.NewWithCanceller(cancel)
	d.AddCallbacks(self._callback, self._errback)
	d.Errback(GenericError.New())
	d.Cancel()
	self.AssertEqual(self.cancellerCallCount, 0)
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, GenericError)
	self.AssertIsNone(self.callbackResults)
}

// Test a canceller which errbacks its deferred.
func (self *DeferredCancellerTests) test_cancellerThatErrbacks() {
	cancel := func(d *deferred.Deferred) {
		self.cancellerCallCount += 1
		d.Errback(GenericError.New())
	}

	d := deferred.NewWithCanceller(cancel)
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	self.AssertEqual(self.cancellerCallCount, 1)
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, GenericError)
}

// Test a canceller which calls its deferred.
func (self *DeferredCancellerTests) test_cancellerThatCallbacks() {
	cancel := func(d *deferred.Deferred) {
		self.cancellerCallCount += 1
		d.Callback("hello!")
	}

	d := deferred.NewWithCanceller(cancel)
	d.AddCallbacks(self._callback, self._errback)
	d.Cancel()
	self.AssertEqual(self.cancellerCallCount, 1)
	self.AssertEqual(self.callbackResults, "hello!")
	self.AssertIsNone(self.errbackResults)
}

// Verify that a Deferred, a, which is waiting on another Deferred, b,
// returned from one of its callbacks, will propagate CancelledError when a
// is cancelled.
func (self *DeferredCancellerTests) test_cancelNestedDeferred() {
	innerCancel := func(d *deferred.Deferred) {
		self.cancellerCallCount += 1
	}

	cancel := func(d *deferred.Deferred) {
		self.AssertTrue(false)
	}

	b := deferred.NewWithCanceller(innerCancel)
	a := deferred.NewWithCanceller(cancel)
	a.Callback(nil)
	a.AddCallback(func(data any) (any, error) { return b, nil })
	a.Cancel()
	a.AddCallbacks(self._callback, self._errback)
	// The cancel count should be one (the cancellation done by B)
	self.AssertEqual(self.cancellerCallCount, 1)
	// B's canceller didn't errback, so defer.py will have called errback
	// with a CancelledError.
	assert(self.errbackResults != nil)
	self.AssertEqual(self.errbackResults.Type, deferred.CancelledError)
}
