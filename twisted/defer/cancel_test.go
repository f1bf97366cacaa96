package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// cancelFixture mirrors DeferredCancellerTests: the results the callbacks
// saw and how often the canceller ran.
type cancelFixture struct {
	callbackResults any
	errbackResults  *twisted.Failure
	cancellerCalls  int
}

func (c *cancelFixture) attach(d *Deferred) *Deferred {
	return d.AddCallbacks(func(r any) (any, error) {
		c.callbackResults = r
		return r, nil
	}, func(f *twisted.Failure) (any, error) {
		c.errbackResults = f
		return nil, nil
	})
}

func (c *cancelFixture) count(*Deferred) { c.cancellerCalls++ }

func TestCancelNoCanceller(t *testing.T) {
	var c cancelFixture
	d := c.attach(New())
	d.Cancel()
	if c.errbackResults == nil || c.errbackResults.Type != CancelledError || c.callbackResults != nil {
		t.Fatal(c)
	}
	first := c.errbackResults
	// One late callback is swallowed...
	d.Callback(nil)
	// ...and Cancel does nothing more.
	d.Cancel()
	if c.errbackResults != first {
		t.Fatal("second cancel changed the result")
	}
	// But a second one is not.
	mustPanicClass(t, AlreadyCalledError, func() { d.Callback(nil) })
	mustPanicClass(t, AlreadyCalledError, func() { d.Errback(twisted.Exception.New()) })
}

func TestCancelNoCancellerLateErrback(t *testing.T) {
	var c cancelFixture
	d := c.attach(New())
	d.Cancel()
	d.Errback(GenericError.New())
	if c.errbackResults.Type != CancelledError {
		t.Fatal(c.errbackResults)
	}
	mustPanicClass(t, AlreadyCalledError, func() { d.Callback(nil) })
}

func TestCancellerMultipleCancel(t *testing.T) {
	var c cancelFixture
	d := c.attach(NewWithCanceller(c.count))
	d.Cancel()
	first := c.errbackResults
	if first == nil || first.Type != CancelledError {
		t.Fatal(first)
	}
	d.Cancel()
	if c.errbackResults != first || c.cancellerCalls != 1 {
		t.Fatal(c)
	}
	// A canceller was given, so nothing is swallowed.
	mustPanicClass(t, AlreadyCalledError, func() { d.Callback(nil) })
}

func TestCancellerArg(t *testing.T) {
	var d *Deferred
	var got *Deferred
	d = NewWithCanceller(func(x *Deferred) { got = x })
	d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil })
	d.Cancel()
	if got != d {
		t.Fatal("canceller got another Deferred")
	}
}

func TestCancelAfterFire(t *testing.T) {
	var c cancelFixture
	d := c.attach(NewWithCanceller(func(d *Deferred) { c.cancellerCalls++; d.Errback(GenericError.New()) }))
	d.Callback("biff!")
	d.Cancel()
	if c.cancellerCalls != 0 || c.errbackResults != nil || c.callbackResults != "biff!" {
		t.Fatal(c)
	}

	c = cancelFixture{}
	d = c.attach(NewWithCanceller(func(d *Deferred) { c.cancellerCalls++ }))
	d.Errback(GenericError.New())
	d.Cancel()
	if c.cancellerCalls != 0 || c.errbackResults.Type != GenericError {
		t.Fatal(c)
	}
}

func TestCancellerThatFires(t *testing.T) {
	var c cancelFixture
	d := c.attach(NewWithCanceller(func(d *Deferred) { c.cancellerCalls++; d.Errback(GenericError.New()) }))
	d.Cancel()
	if c.cancellerCalls != 1 || c.errbackResults.Type != GenericError {
		t.Fatal(c)
	}

	c = cancelFixture{}
	d = c.attach(NewWithCanceller(func(d *Deferred) { c.cancellerCalls++; d.Callback("hello!") }))
	d.Cancel()
	if c.cancellerCalls != 1 || c.callbackResults != "hello!" || c.errbackResults != nil {
		t.Fatal(c)
	}
}

func TestCancelNestedDeferred(t *testing.T) {
	var c cancelFixture
	b := NewWithCanceller(c.count)
	a := NewWithCanceller(func(*Deferred) { t.Error("outer canceller called") })
	a.Callback(nil)
	a.AddCallback(func(any) (any, error) { return b, nil })
	a.Cancel()
	c.attach(a)
	if c.cancellerCalls != 1 || c.errbackResults == nil || c.errbackResults.Type != CancelledError {
		t.Fatal(c)
	}
}
