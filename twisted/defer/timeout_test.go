package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func overrideFunc(any, float64) any { return "OVERRIDDEN" }

// noResult fails unless d has no result yet.
func noResult(t *testing.T, d *Deferred) {
	t.Helper()
	if d.Called() {
		t.Fatalf("%v has a result", d)
	}
}

// successResultOf returns d's success result, failing the test if d has
// none.
func successResultOf(t *testing.T, d *Deferred) any {
	t.Helper()
	var got []any
	var fs []*twisted.Failure
	d.AddCallbacks(func(r any) (any, error) { got = append(got, r); return r, nil },
		func(f *twisted.Failure) (any, error) { fs = append(fs, f); return f, nil })
	if len(got) != 1 {
		t.Fatalf("%v: no success result (failures %v)", d, fs)
	}
	return got[0]
}

// failureResultOf returns d's failure, consuming it, and fails the test
// unless d has one of the given classes.
func failureResultOf(t *testing.T, d *Deferred, classes ...*twisted.Class) *twisted.Failure {
	t.Helper()
	var fs []*twisted.Failure
	d.AddErrback(appendFailure(&fs))
	if len(fs) != 1 {
		t.Fatalf("%v: no failure result", d)
	}
	if len(classes) > 0 && fs[0].Check(classes...) == nil {
		t.Fatalf("failure %v, want one of %v", fs[0], classes)
	}
	return fs[0]
}

func TestTimeoutChainable(t *testing.T) {
	d := New()
	d.AddTimeout(5, reactor.NewClock(), nil).AddCallback(func(any) (any, error) { return "done", nil })
	d.Callback(nil)
	if got := successResultOf(t, d); got != "done" {
		t.Fatal(got)
	}
}

func TestResultBeforeTimeout(t *testing.T) {
	for _, custom := range []func(any, float64) any{nil, overrideFunc} {
		for _, fail := range []bool{false, true} {
			clock := reactor.NewClock()
			d := New()
			d.AddTimeout(10, clock, custom)
			inner := New()
			var seen any
			d.AddBoth(func(r any) (any, error) { seen = r; return inner, nil })
			if fail {
				d.Errback(twisted.ValueError.New("fail"))
			} else {
				d.Callback("results")
			}
			if seen == nil {
				t.Fatal("not fired at once")
			}
			clock.Advance(15)
			noResult(t, inner)
			if len(clock.GetDelayedCalls()) != 0 {
				t.Fatal("timeout still scheduled")
			}
		}
	}
}

func TestTimedOut(t *testing.T) {
	clock := reactor.NewClock()
	d := New()
	d.AddTimeout(10, clock, nil)
	noResult(t, d)
	clock.Advance(15)
	f := failureResultOf(t, d, TimeoutError)
	if got := twisted.Repr(f.Value); got != "TimeoutError(10, 'Deferred')" {
		t.Fatal(got)
	}

	clock = reactor.NewClock()
	d = New()
	d.AddTimeout(10, clock, overrideFunc)
	clock.Advance(15)
	if got := successResultOf(t, d); got != "OVERRIDDEN" {
		t.Fatal(got)
	}
}

func TestTimedOutProvidedCancel(t *testing.T) {
	clock := reactor.NewClock()
	d := NewWithCanceller(func(c *Deferred) { c.Callback("I was cancelled!") })
	d.AddTimeout(10, clock, nil)
	clock.Advance(15)
	if got := successResultOf(t, d); got != "I was cancelled!" {
		t.Fatal(got)
	}

	clock = reactor.NewClock()
	err := twisted.ValueError.New("what!")
	d = NewWithCanceller(func(c *Deferred) { c.Errback(err) })
	d.AddTimeout(10, clock, nil)
	clock.Advance(15)
	if f := failureResultOf(t, d, twisted.ValueError); f.Value != err {
		t.Fatal(f.Value)
	}

	clock = reactor.NewClock()
	d = NewWithCanceller(func(c *Deferred) { c.Errback(err) })
	d.AddTimeout(10, clock, overrideFunc)
	clock.Advance(15)
	if got := successResultOf(t, d); got != "OVERRIDDEN" {
		t.Fatal(got)
	}
}

func TestCancelBeforeTimeout(t *testing.T) {
	for _, custom := range []func(any, float64) any{nil, overrideFunc} {
		clock := reactor.NewClock()
		d := New()
		d.AddTimeout(10, clock, custom)
		inner := New()
		var cancelled *twisted.Failure
		d.AddErrback(func(f *twisted.Failure) (any, error) { cancelled = f; return inner, nil })
		d.Cancel()
		if cancelled == nil || cancelled.Type != CancelledError {
			t.Fatal(cancelled)
		}
		clock.Advance(15)
		noResult(t, inner)
	}
}

func TestErrbackAddedBeforeTimeout(t *testing.T) {
	tests := []struct {
		name     string
		suppress bool
		custom   func(any, float64) any
		check    func(t *testing.T, d *Deferred)
	}{
		{"translated", false, nil, func(t *testing.T, d *Deferred) { failureResultOf(t, d, TimeoutError) }},
		{"suppressed", true, nil, func(t *testing.T, d *Deferred) { successResultOf(t, d) }},
		{"custom", false, overrideFunc, func(t *testing.T, d *Deferred) {
			if got := successResultOf(t, d); got != "OVERRIDDEN" {
				t.Fatal(got)
			}
		}},
		{"custom suppressed", true, overrideFunc, func(t *testing.T, d *Deferred) {
			if got := successResultOf(t, d); got != "OVERRIDDEN" {
				t.Fatal(got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := reactor.NewClock()
			d := New()
			var seen *twisted.Failure
			d.AddErrback(func(f *twisted.Failure) (any, error) {
				seen = f
				if tt.suppress {
					f.Trap(CancelledError)
					return nil, nil
				}
				return f, nil
			})
			d.AddTimeout(10, clock, tt.custom)
			clock.Advance(15)
			if seen == nil || seen.Type != CancelledError {
				t.Fatal(seen)
			}
			tt.check(t, d)
		})
	}
}

func TestCallbackAddedToCancellerBeforeTimeout(t *testing.T) {
	for _, custom := range []func(any, float64) any{nil, overrideFunc} {
		clock := reactor.NewClock()
		d := NewWithCanceller(func(d *Deferred) { d.Callback("success") })
		var seen any
		d.AddCallback(func(v any) (any, error) { seen = v; return v, nil })
		d.AddTimeout(10, clock, custom)
		clock.Advance(15)
		want := "success"
		if custom != nil {
			want = "OVERRIDDEN"
		}
		if seen != "success" || successResultOf(t, d) != want {
			t.Fatal(seen)
		}
	}
}

func TestTimeoutNumbers(t *testing.T) {
	clock := reactor.NewClock()
	d := New()
	d.AddTimeout(2.5, clock, nil)
	clock.Advance(3)
	if got := twisted.Repr(failureResultOf(t, d, TimeoutError).Value); got != "TimeoutError(2.5, 'Deferred')" {
		t.Fatal(got)
	}
}

func TestDeprecatedTimeout(t *testing.T) {
	d := New()
	Timeout(d)
	if got := twisted.Repr(failureResultOf(t, d, TimeoutError).Value); got != "TimeoutError('Callback timed out',)" {
		t.Fatal(got)
	}
}
