package deferred

import (
	"strings"
	"testing"
)

// countingCanceller is a Canceller that records its calls and, if fire is
// set, fires the Deferred with it.
type countingCanceller struct {
	calls []*Deferred
	fire  func(d *Deferred)
}

func (c *countingCanceller) CancelDeferred(d *Deferred) {
	c.calls = append(c.calls, d)
	if c.fire != nil {
		c.fire(d)
	}
}

// A Canceller given to NewWithCancellerOf is the Deferred's canceller:
// called once, with the Deferred, and then the Deferred fails with
// CancelledError, as NewWithCanceller's (TestCancellerMultipleCancel,
// TestCancellerArg).
func TestCancellerOfCancel(t *testing.T) {
	var c cancelFixture
	cc := &countingCanceller{}
	d := NewWithCancellerOf(cc)
	if d.Result() != nil || d.Called() {
		t.Fatalf("before firing: Result %v, Called %v", d.Result(), d.Called())
	}
	if s := d.String(); strings.Contains(s, "result") {
		t.Fatalf("String before firing: %s", s)
	}
	c.attach(d)
	d.Cancel()
	if len(cc.calls) != 1 || cc.calls[0] != d {
		t.Fatalf("canceller calls %v, want [%p]", cc.calls, d)
	}
	if f := c.errbackResults; f == nil || f.Type != CancelledError {
		t.Fatal(f)
	}
	d.Cancel()
	if len(cc.calls) != 1 {
		t.Fatalf("%d canceller calls after a second Cancel", len(cc.calls))
	}
	mustPanicClass(t, AlreadyCalledError, func() { d.Callback(nil) })
}

// The Canceller may fire the Deferred itself (TestCancellerThatFires), and
// it is not called once the Deferred has fired, whose result it no longer
// is (TestCancelAfterFire).
func TestCancellerOfFiresOrFired(t *testing.T) {
	var c cancelFixture
	cc := &countingCanceller{fire: func(d *Deferred) { d.Callback("hello!") }}
	d := c.attach(NewWithCancellerOf(cc))
	d.Cancel()
	if len(cc.calls) != 1 || c.callbackResults != "hello!" || c.errbackResults != nil {
		t.Fatal(c, cc.calls)
	}

	c = cancelFixture{}
	cc = &countingCanceller{}
	d = NewWithCancellerOf(cc)
	d.Callback("biff!")
	if d.Result() != "biff!" {
		t.Fatalf("Result %v", d.Result())
	}
	c.attach(d)
	d.Cancel()
	if len(cc.calls) != 0 || c.callbackResults != "biff!" {
		t.Fatal(c, cc.calls)
	}

	c = cancelFixture{}
	d = NewWithCancellerOf(cc)
	d.Errback(GenericError.New())
	c.attach(d)
	d.Cancel()
	if len(cc.calls) != 0 || c.errbackResults.Type != GenericError {
		t.Fatal(c, cc.calls)
	}
}

// A Deferred of NewWithCancellerOf returned by another's callback is
// waited on, and cancelling the outer one cancels it through its
// Canceller (TestCancelNestedDeferred).
func TestCancellerOfNested(t *testing.T) {
	var c cancelFixture
	cc := &countingCanceller{}
	b := NewWithCancellerOf(cc)
	a := New()
	a.Callback(nil)
	a.AddCallback(func(any) (any, error) { return b, nil })
	if a.ChainedTo() != b {
		t.Fatalf("a waits on %v, want b", a.ChainedTo())
	}
	a.Cancel()
	c.attach(a)
	if len(cc.calls) != 1 || cc.calls[0] != b {
		t.Fatalf("canceller calls %v, want [b]", cc.calls)
	}
	if f := c.errbackResults; f == nil || f.Type != CancelledError {
		t.Fatal(f)
	}
}

// A nil Canceller is no canceller: Cancel fails the Deferred with
// CancelledError and eats the one late result, as for
// NewWithCanceller(nil) (Deferred(None) in Twisted).
func TestCancellerOfNil(t *testing.T) {
	for name, d := range map[string]*Deferred{"NewWithCancellerOf(nil)": NewWithCancellerOf(nil), "NewWithCanceller(nil)": NewWithCanceller(nil)} {
		var c cancelFixture
		c.attach(d)
		d.Cancel()
		if f := c.errbackResults; f == nil || f.Type != CancelledError {
			t.Fatalf("%s: %v", name, f)
		}
		d.Callback("late") // swallowed, as after cancelling a Deferred without a canceller
		mustPanicClass(t, AlreadyCalledError, func() { d.Callback("again") })
	}
}
