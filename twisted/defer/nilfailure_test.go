package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// noFailure is what a function returns as its error from a
// *twisted.Failure variable that holds none: a non-nil error interface
// around a nil *Failure.
func noFailure() error {
	var f *twisted.Failure
	return f
}

func TestNilFailureErrorIsNoError(t *testing.T) {
	d := New()
	d.AddCallback(func(any) (any, error) { return "value", noFailure() })
	var got any
	d.AddCallbacks(func(r any) (any, error) { got = r; return r, nil },
		func(f *twisted.Failure) (any, error) { t.Errorf("errback got %#v", f); return nil, nil })
	d.Callback(nil)
	if got != "value" {
		t.Fatalf("callback got %#v, want \"value\"", got)
	}

	// The errback path: an errback that recovers returns its value.
	d = Fail(twisted.KeyError.New("k"))
	d.AddErrback(func(*twisted.Failure) (any, error) { return "recovered", noFailure() })
	if r := successResultOf(t, d); r != "recovered" {
		t.Fatalf("got %#v", r)
	}
}

func TestNilFailureErrorFromFunctions(t *testing.T) {
	f := func() (any, error) { return 7, noFailure() }
	for name, d := range map[string]*Deferred{
		"MaybeDeferred":   MaybeDeferred(f),
		"Execute":         Execute(f),
		"InlineCallbacks": InlineCallbacks(func(Await) (any, error) { return f() }),
	} {
		if r := successResultOf(t, d); r != 7 {
			t.Errorf("%s: got %#v, want 7", name, r)
		}
	}
}

func TestErrbackNilFailure(t *testing.T) {
	mustPanicClass(t, twisted.NoCurrentExceptionError, func() { New().Errback(noFailure()) })
	mustPanicClass(t, twisted.NoCurrentExceptionError, func() { Fail(noFailure()) })
}

func TestAwaitAfterReturn(t *testing.T) {
	var escaped Await
	d := InlineCallbacks(func(await Await) (any, error) {
		escaped = await
		return nil, nil
	})
	successResultOf(t, d)
	defer func() {
		if recover() == nil {
			t.Fatal("an Await called after its function returned did not panic")
		}
	}()
	escaped(Succeed(1))
}

func TestAddTimeoutNilClock(t *testing.T) {
	mustPanicClass(t, twisted.TypeError, func() { New().AddTimeout(1, nil, nil) })
}

func TestFailureGroupMessage(t *testing.T) {
	e := &FailureGroupValue{}
	if got := twisted.Str(e); got != "" {
		t.Errorf("str(FailureGroup()) = %q, want \"\" as in Python", got)
	}
	if got := e.Error(); got != "FailureGroup" {
		t.Errorf("Error() = %q, want the class's name", got)
	}
}

func TestMaybeDeferredNil(t *testing.T) {
	f := failureResultOf(t, MaybeDeferred(nil), twisted.TypeError)
	if got := f.GetErrorMessage(); got != "'NoneType' object is not callable" {
		t.Errorf("message %q", got)
	}
}
