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

func TestCancelCycle(t *testing.T) {
	// Deferreds waiting on one another in a cycle: Python's recursive
	// cancel raises RecursionError and changes nothing; so does Go's.
	for n := 2; n <= 5; n++ { // n = 1 is a callback returning its own Deferred
		ds := make([]*Deferred, n)
		for i := range ds {
			ds[i] = New()
		}
		for i, d := range ds {
			next := ds[(i+1)%n]
			d.AddCallback(func(any) (any, error) { return next, nil })
		}
		for _, d := range ds {
			d.Callback("x")
		}
		for _, d := range ds {
			if d.Paused() != 1 {
				t.Fatalf("n=%d: %v not waiting", n, d)
			}
		}
		mustPanicClass(t, twisted.RecursionError, ds[0].Cancel)
		for _, d := range ds {
			if d.Paused() != 1 || !d.pending() {
				t.Fatalf("n=%d: %v changed", n, d)
			}
		}
	}
}

func TestCancelLongChain(t *testing.T) {
	// 100,000 Deferreds each waiting on the next: Cancel reaches the last.
	const n = 100_000
	ds := make([]*Deferred, n)
	for i := range ds {
		ds[i] = New()
	}
	for i := 0; i < n-1; i++ {
		next := ds[i+1]
		ds[i].AddCallback(func(any) (any, error) { return next, nil })
	}
	for i := 0; i < n-1; i++ {
		ds[i].Callback(nil)
	}
	ds[0].Cancel()
	failureResultOf(t, ds[0], CancelledError)
}

func TestCancelThroughToDeferredList(t *testing.T) {
	// A Deferred waiting on a DeferredList cancels it the list's way.
	one := New()
	dl := DeferredList([]*Deferred{one})
	d := Succeed(nil).AddCallback(func(any) (any, error) { return dl, nil })
	d.Cancel()
	failureResultOf(t, one, CancelledError)
	if got := successResultOf(t, d).([]any); len(got) != 1 {
		t.Fatal(got)
	}
}
