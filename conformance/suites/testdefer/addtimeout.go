package testdefer

//lint:file-ignore ST1006 receivers are named self so that the tests read as their Python.

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// DeferredAddTimeoutTests is test_defer.py's DeferredAddTimeoutTests:
// Deferred.addTimeout on a task.Clock (reactor.NewClock).
type DeferredAddTimeoutTests struct {
	SynchronousTestCase
}

func init() {
	for name, test := range map[string]func(*DeferredAddTimeoutTests){
		"test_timeoutChainable":                                      (*DeferredAddTimeoutTests).test_timeoutChainable,
		"test_successResultBeforeTimeout":                            (*DeferredAddTimeoutTests).test_successResultBeforeTimeout,
		"test_successResultBeforeTimeoutCustom":                      (*DeferredAddTimeoutTests).test_successResultBeforeTimeoutCustom,
		"test_failureBeforeTimeout":                                  (*DeferredAddTimeoutTests).test_failureBeforeTimeout,
		"test_failureBeforeTimeoutCustom":                            (*DeferredAddTimeoutTests).test_failureBeforeTimeoutCustom,
		"test_timedOut":                                              (*DeferredAddTimeoutTests).test_timedOut,
		"test_errbackAddedBeforeTimeout":                             (*DeferredAddTimeoutTests).test_errbackAddedBeforeTimeout,
		"test_timedOutCustom":                                        (*DeferredAddTimeoutTests).test_timedOutCustom,
		"test_timedOutProvidedCancelSuccess":                         (*DeferredAddTimeoutTests).test_timedOutProvidedCancelSuccess,
		"test_timedOutProvidedCancelFailure":                         (*DeferredAddTimeoutTests).test_timedOutProvidedCancelFailure,
		"test_cancelBeforeTimeout":                                   (*DeferredAddTimeoutTests).test_cancelBeforeTimeout,
		"test_cancelBeforeTimeoutCustom":                             (*DeferredAddTimeoutTests).test_cancelBeforeTimeoutCustom,
		"test_providedCancelCalledBeforeTimeoutCustom":               (*DeferredAddTimeoutTests).test_providedCancelCalledBeforeTimeoutCustom,
		"test_errbackAddedBeforeTimeoutSuppressesCancellation":       (*DeferredAddTimeoutTests).test_errbackAddedBeforeTimeoutSuppressesCancellation,
		"test_errbackAddedBeforeTimeoutCustom":                       (*DeferredAddTimeoutTests).test_errbackAddedBeforeTimeoutCustom,
		"test_errbackAddedBeforeTimeoutSuppressesCancellationCustom": (*DeferredAddTimeoutTests).test_errbackAddedBeforeTimeoutSuppressesCancellationCustom,
		"test_callbackAddedToCancelerBeforeTimeout":                  (*DeferredAddTimeoutTests).test_callbackAddedToCancelerBeforeTimeout,
		"test_callbackAddedToCancelerBeforeTimeoutCustom":            (*DeferredAddTimeoutTests).test_callbackAddedToCancelerBeforeTimeoutCustom,
	} {
		addTest("DeferredAddTimeoutTests", name, parallel, func() *DeferredAddTimeoutTests { return &DeferredAddTimeoutTests{} }, test)
	}
}

// _overrideFunc is a private function to be used to pass as an alternate
// onTimeoutCancel value to timeoutDeferred.
func _overrideFunc(v any, t float64) any {
	return "OVERRIDDEN"
}

// Deferred.addTimeout returns its own Deferred so it can be called in a
// callback chain.
func (self *DeferredAddTimeoutTests) test_timeoutChainable() {
	d := deferred.New()
	d.AddTimeout(5, reactor.NewClock(), nil)
	d.AddCallback(func(_ any) (any, error) { return "done", nil })
	d.Callback(nil)
	self.AssertEqual("done", self.SuccessResultOf(d))
}

// The Deferred callbacks with the result if it succeeds before the
// timeout. No cancellation happens after the callback either, which could
// also cancel inner deferreds.
func (self *DeferredAddTimeoutTests) test_successResultBeforeTimeout() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, nil)

	// addTimeout is added first so that if d is timed out, d would be
	// canceled before innerDeferred gets returned from an callback on d
	innerDeferred := deferred.New()
	var dCallbacked any = nil

	onCallback := func(results any) (any, error) {
		dCallbacked = results
		return innerDeferred, nil
	}

	d.AddCallback(onCallback)
	d.Callback("results")

	// d is callbacked immediately, before innerDeferred is returned from
	// the callback on d
	self.AssertIsNot(nil, dCallbacked)
	self.AssertEqual(dCallbacked, "results")

	// The timeout never happens - if it did, d would have been cancelled,
	// which would cancel innerDeferred too.
	clock.Advance(15)
	self.AssertNoResult(innerDeferred)
}

// The Deferred callbacks with the result if it succeeds before the
// timeout, even if a custom onTimeoutCancel function is provided. No
// cancellation happens after the callback either, which could also cancel
// inner deferreds.
func (self *DeferredAddTimeoutTests) test_successResultBeforeTimeoutCustom() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, _overrideFunc)

	// addTimeout is added first so that if d is timed out, d would be
	// canceled before innerDeferred gets returned from an callback on d
	innerDeferred := deferred.New()
	var dCallbacked any = nil

	onCallback := func(results any) (any, error) {
		dCallbacked = results
		return innerDeferred, nil
	}

	d.AddCallback(onCallback)
	d.Callback("results")

	// d is callbacked immediately, before innerDeferred is returned from
	// the callback on d
	self.AssertIsNot(nil, dCallbacked)
	self.AssertEqual(dCallbacked, "results")

	// The timeout never happens - if it did, d would have been cancelled,
	// which would cancel innerDeferred too
	clock.Advance(15)
	self.AssertNoResult(innerDeferred)
}

// The Deferred errbacks with the failure if it fails before the timeout.
// No cancellation happens after the errback either, which could also
// cancel inner deferreds.
func (self *DeferredAddTimeoutTests) test_failureBeforeTimeout() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, nil)

	// addTimeout is added first so that if d is timed out, d would be
	// canceled before innerDeferred gets returned from an errback on d
	innerDeferred := deferred.New()
	var dErrbacked *twisted.Failure = nil
	err := twisted.ValueError.New("fail") // Python: error (a Go type name)

	onErrback := func(f *twisted.Failure) (any, error) {
		dErrbacked = f
		return innerDeferred, nil
	}

	d.AddErrback(onErrback)
	d.Errback(err)

	// d is errbacked immediately, before innerDeferred is returned from the
	// errback on d
	assert(dErrbacked != nil)
	self.AssertIsInstance(dErrbacked, Failure)
	self.AssertIs(dErrbacked.Value, err)

	// The timeout never happens - if it did, d would have been cancelled,
	// which would cancel innerDeferred too
	clock.Advance(15)
	self.AssertNoResult(innerDeferred)
}

// The Deferred errbacks with the failure if it fails before the timeout,
// even if using a custom onTimeoutCancel function. No cancellation happens
// after the errback either, which could also cancel inner deferreds.
func (self *DeferredAddTimeoutTests) test_failureBeforeTimeoutCustom() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, _overrideFunc)

	// addTimeout is added first so that if d is timed out, d would be
	// canceled before innerDeferred gets returned from an errback on d
	innerDeferred := deferred.New()
	var dErrbacked *twisted.Failure = nil
	err := twisted.ValueError.New("fail") // Python: error (a Go type name)

	onErrback := func(f *twisted.Failure) (any, error) {
		dErrbacked = f
		return innerDeferred, nil
	}

	d.AddErrback(onErrback)
	d.Errback(err)

	// d is errbacked immediately, before innerDeferred is returned from the
	// errback on d
	assert(dErrbacked != nil)
	self.AssertIsInstance(dErrbacked, Failure)
	self.AssertIs(dErrbacked.Value, err)

	// The timeout never happens - if it did, d would have been cancelled,
	// which would cancel innerDeferred too
	clock.Advance(15)
	self.AssertNoResult(innerDeferred)
}

// The Deferred by default errbacks with a TimeoutError if it times out
// before callbacking or errbacking.
func (self *DeferredAddTimeoutTests) test_timedOut() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, nil)
	self.AssertNoResult(d)

	clock.Advance(15)

	self.FailureResultOf(d, deferred.TimeoutError)
}

// If a custom onTimeoutCancel function is provided, the Deferred returns
// the custom function's return value if the Deferred times out before
// callbacking or errbacking. The custom onTimeoutCancel function can
// return a result instead of a failure.
func (self *DeferredAddTimeoutTests) test_timedOutCustom() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, _overrideFunc)
	self.AssertNoResult(d)

	clock.Advance(15)

	self.AssertEqual("OVERRIDDEN", self.SuccessResultOf(d))
}

// If a cancellation function is provided when the Deferred is
// initialized, the Deferred returns the cancellation value's non-failure
// return value when the Deferred times out.
func (self *DeferredAddTimeoutTests) test_timedOutProvidedCancelSuccess() {
	clock := reactor.NewClock()
	d := deferred.NewWithCanceller(func(c *deferred.Deferred) { c.Callback("I was cancelled!") })
	d.AddTimeout(10, clock, nil)
	self.AssertNoResult(d)

	clock.Advance(15)

	self.AssertEqual(self.SuccessResultOf(d), "I was cancelled!")
}

// If a cancellation function is provided when the Deferred is
// initialized, the Deferred returns the cancellation value's
// non-CanceledError failure when the Deferred times out.
func (self *DeferredAddTimeoutTests) test_timedOutProvidedCancelFailure() {
	clock := reactor.NewClock()
	error := twisted.ValueError.New("what!")
	d := deferred.NewWithCanceller(func(c *deferred.Deferred) { c.Errback(error) })
	d.AddTimeout(10, clock, nil)
	self.AssertNoResult(d)

	clock.Advance(15)

	f := self.FailureResultOf(d, twisted.ValueError)
	self.AssertIs(f.Value, error)
}

// If the Deferred is manually cancelled before the timeout, it is not
// re-cancelled (no AlreadyCancelled error, and also no canceling of inner
// deferreds), and the default onTimeoutCancel function is not called,
// preserving the original CancelledError.
func (self *DeferredAddTimeoutTests) test_cancelBeforeTimeout() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, nil)

	// addTimeout is added first so that if d is timed out, d would be
	// canceled before innerDeferred gets returned from an errback on d
	innerDeferred := deferred.New()
	var dCanceled *twisted.Failure = nil

	onErrback := func(f *twisted.Failure) (any, error) {
		dCanceled = f
		return innerDeferred, nil
	}

	d.AddErrback(onErrback)
	d.Cancel()

	// d is cancelled immediately, before innerDeferred is returned from the
	// errback on d
	assert(dCanceled != nil)
	self.AssertIsInstance(dCanceled, Failure)
	self.AssertIs(dCanceled.Type, deferred.CancelledError)

	// The timeout never happens - if it did, d would have been cancelled
	// again, which would cancel innerDeferred too
	clock.Advance(15)
	self.AssertNoResult(innerDeferred)
}

// If the Deferred is manually cancelled before the timeout, it is not
// re-cancelled (no AlreadyCancelled error, and also no canceling of inner
// deferreds), and the custom onTimeoutCancel function is not called,
// preserving the original CancelledError.
func (self *DeferredAddTimeoutTests) test_cancelBeforeTimeoutCustom() {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, _overrideFunc)

	// addTimeout is added first so that if d is timed out, d would be
	// canceled before innerDeferred gets returned from an errback on d
	innerDeferred := deferred.New()
	var dCanceled *twisted.Failure = nil

	onErrback := func(f *twisted.Failure) (any, error) {
		dCanceled = f
		return innerDeferred, nil
	}

	d.AddErrback(onErrback)
	d.Cancel()

	// d is cancelled immediately, before innerDeferred is returned from the
	// errback on d
	assert(dCanceled != nil)
	self.AssertIsInstance(dCanceled, Failure)
	self.AssertIs(dCanceled.Type, deferred.CancelledError)

	// The timeout never happens - if it did, d would have been cancelled
	// again, which would cancel innerDeferred too
	clock.Advance(15)
	self.AssertNoResult(innerDeferred)
}

// A custom translation function can handle a Deferred with a custom
// cancellation function.
func (self *DeferredAddTimeoutTests) test_providedCancelCalledBeforeTimeoutCustom() {
	clock := reactor.NewClock()
	d := deferred.NewWithCanceller(func(c *deferred.Deferred) { c.Errback(twisted.ValueError.New("what!")) })
	d.AddTimeout(10, clock, _overrideFunc)
	self.AssertNoResult(d)

	clock.Advance(15)

	self.AssertEqual("OVERRIDDEN", self.SuccessResultOf(d))
}

// An errback added before a timeout is added errbacks with a
// CancelledError when the timeout fires. If the errback returns the
// CancelledError, it is translated to a TimeoutError by the timeout
// implementation.
func (self *DeferredAddTimeoutTests) test_errbackAddedBeforeTimeout() {
	clock := reactor.NewClock()
	d := deferred.New()

	var dErrbacked *twisted.Failure = nil

	errback := func(f *twisted.Failure) (any, error) {
		dErrbacked = f
		return f, nil
	}

	d.AddErrback(errback)
	d.AddTimeout(10, clock, nil)

	clock.Advance(15)

	assert(dErrbacked != nil)
	self.AssertIsInstance(dErrbacked, Failure)
	self.AssertIsInstance(dErrbacked.Value, deferred.CancelledError)

	self.FailureResultOf(d, deferred.TimeoutError)
}

// An errback added before a timeout is added errbacks with a
// CancelledError when the timeout fires. If the errback suppresses the
// CancelledError, the deferred successfully completes.
func (self *DeferredAddTimeoutTests) test_errbackAddedBeforeTimeoutSuppressesCancellation() {
	clock := reactor.NewClock()
	d := deferred.New()

	var dErrbacked *twisted.Failure = nil

	errback := func(f *twisted.Failure) (any, error) {
		dErrbacked = f
		f.Trap(deferred.CancelledError)
		return nil, nil
	}

	d.AddErrback(errback)
	d.AddTimeout(10, clock, nil)

	clock.Advance(15)

	assert(dErrbacked != nil)
	self.AssertIsInstance(dErrbacked, Failure)
	self.AssertIsInstance(dErrbacked.Value, deferred.CancelledError)

	self.SuccessResultOf(d)
}

// An errback added before a timeout is added with a custom timeout
// function errbacks with a CancelledError when the timeout fires. The
// timeout function runs if the errback returns the CancelledError.
func (self *DeferredAddTimeoutTests) test_errbackAddedBeforeTimeoutCustom() {
	clock := reactor.NewClock()
	d := deferred.New()

	var dErrbacked *twisted.Failure = nil

	errback := func(f *twisted.Failure) (any, error) {
		dErrbacked = f
		return f, nil
	}

	d.AddErrback(errback)
	d.AddTimeout(10, clock, _overrideFunc)

	clock.Advance(15)

	assert(dErrbacked != nil)
	self.AssertIsInstance(dErrbacked, Failure)
	self.AssertIsInstance(dErrbacked.Value, deferred.CancelledError)

	self.AssertEqual("OVERRIDDEN", self.SuccessResultOf(d))
}

// An errback added before a timeout is added with a custom timeout
// function errbacks with a CancelledError when the timeout fires. The
// timeout function runs if the errback suppresses the CancelledError.
func (self *DeferredAddTimeoutTests) test_errbackAddedBeforeTimeoutSuppressesCancellationCustom() {
	clock := reactor.NewClock()
	d := deferred.New()

	var dErrbacked *twisted.Failure = nil

	errback := func(f *twisted.Failure) (any, error) {
		dErrbacked = f
		return nil, nil
	}

	d.AddErrback(errback)
	d.AddTimeout(10, clock, _overrideFunc)

	clock.Advance(15)

	assert(dErrbacked != nil)
	self.AssertIsInstance(dErrbacked, Failure)
	self.AssertIsInstance(dErrbacked.Value, deferred.CancelledError)

	self.AssertEqual("OVERRIDDEN", self.SuccessResultOf(d))
}

// Given a deferred with a cancellation function that resumes the callback
// chain, a callback that is added to the deferred before a timeout is
// added to runs when the timeout fires. The deferred completes
// successfully, without a TimeoutError.
func (self *DeferredAddTimeoutTests) test_callbackAddedToCancelerBeforeTimeout() {
	clock := reactor.NewClock()
	success := "success"
	d := deferred.NewWithCanceller(func(d *deferred.Deferred) { d.Callback(success) })

	var dCallbacked any = nil

	callback := func(value any) (any, error) {
		dCallbacked = value
		return value, nil
	}

	d.AddCallback(callback)
	d.AddTimeout(10, clock, nil)

	clock.Advance(15)

	self.AssertEqual(dCallbacked, success)

	self.AssertIs(success, self.SuccessResultOf(d))
}

// Given a deferred with a cancellation function that resumes the callback
// chain, a callback that is added to the deferred before a timeout is
// added to runs when the timeout fires. The deferred completes
// successfully, without a TimeoutError. The timeout's custom timeout
// function also runs.
func (self *DeferredAddTimeoutTests) test_callbackAddedToCancelerBeforeTimeoutCustom() {
	clock := reactor.NewClock()
	success := "success"
	d := deferred.NewWithCanceller(func(d *deferred.Deferred) { d.Callback(success) })

	var dCallbacked any = nil

	callback := func(value any) (any, error) {
		dCallbacked = value
		return value, nil
	}

	d.AddCallback(callback)
	d.AddTimeout(10, clock, _overrideFunc)

	clock.Advance(15)

	self.AssertEqual(dCallbacked, success)

	self.AssertEqual("OVERRIDDEN", self.SuccessResultOf(d))
}
