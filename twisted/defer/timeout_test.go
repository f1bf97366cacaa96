package deferred_test

import (
	"github.com/twistedflow/twistedflow/twisted/defer"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func TestTimeoutChainable(t *testing.T) {
	d := deferred.New()
	d.AddTimeout(5, reactor.NewClock(), nil).AddCallback(func(any) (any, error) { return "done", nil })
	d.Callback(nil)
	if got := deferred.SuccessResultOf(t, d); got != "done" {
		t.Fatal(got)
	}
}

func TestResultBeforeTimeout(t *testing.T) {
	for _, custom := range []func(any, float64) any{nil, deferred.OverrideFunc} {
		for _, fail := range []bool{false, true} {
			clock := reactor.NewClock()
			d := deferred.New()
			d.AddTimeout(10, clock, custom)
			inner := deferred.New()
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
			deferred.NoResult(t, inner)
			if len(clock.GetDelayedCalls()) != 0 {
				t.Fatal("timeout still scheduled")
			}
		}
	}
}

func TestTimedOut(t *testing.T) {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(10, clock, nil)
	deferred.NoResult(t, d)
	clock.Advance(15)
	f := deferred.FailureResultOf(t, d, deferred.TimeoutError)
	if got := twisted.Repr(f.Value); got != "TimeoutError(10, 'Deferred')" {
		t.Fatal(got)
	}

	clock = reactor.NewClock()
	d = deferred.New()
	d.AddTimeout(10, clock, deferred.OverrideFunc)
	clock.Advance(15)
	if got := deferred.SuccessResultOf(t, d); got != "OVERRIDDEN" {
		t.Fatal(got)
	}
}

func TestTimedOutProvidedCancel(t *testing.T) {
	clock := reactor.NewClock()
	d := deferred.NewWithCanceller(func(c *deferred.Deferred) { c.Callback("I was cancelled!") })
	d.AddTimeout(10, clock, nil)
	clock.Advance(15)
	if got := deferred.SuccessResultOf(t, d); got != "I was cancelled!" {
		t.Fatal(got)
	}

	clock = reactor.NewClock()
	err := twisted.ValueError.New("what!")
	d = deferred.NewWithCanceller(func(c *deferred.Deferred) { c.Errback(err) })
	d.AddTimeout(10, clock, nil)
	clock.Advance(15)
	if f := deferred.FailureResultOf(t, d, twisted.ValueError); f.Value != err {
		t.Fatal(f.Value)
	}

	clock = reactor.NewClock()
	d = deferred.NewWithCanceller(func(c *deferred.Deferred) { c.Errback(err) })
	d.AddTimeout(10, clock, deferred.OverrideFunc)
	clock.Advance(15)
	if got := deferred.SuccessResultOf(t, d); got != "OVERRIDDEN" {
		t.Fatal(got)
	}
}

func TestCancelBeforeTimeout(t *testing.T) {
	for _, custom := range []func(any, float64) any{nil, deferred.OverrideFunc} {
		clock := reactor.NewClock()
		d := deferred.New()
		d.AddTimeout(10, clock, custom)
		inner := deferred.New()
		var cancelled *twisted.Failure
		d.AddErrback(func(f *twisted.Failure) (any, error) { cancelled = f; return inner, nil })
		d.Cancel()
		if cancelled == nil || cancelled.Type != deferred.CancelledError {
			t.Fatal(cancelled)
		}
		clock.Advance(15)
		deferred.NoResult(t, inner)
	}
}

func TestErrbackAddedBeforeTimeout(t *testing.T) {
	tests := []struct {
		name     string
		suppress bool
		custom   func(any, float64) any
		check    func(t *testing.T, d *deferred.Deferred)
	}{
		{"translated", false, nil, func(t *testing.T, d *deferred.Deferred) { deferred.FailureResultOf(t, d, deferred.TimeoutError) }},
		{"suppressed", true, nil, func(t *testing.T, d *deferred.Deferred) { deferred.SuccessResultOf(t, d) }},
		{"custom", false, deferred.OverrideFunc, func(t *testing.T, d *deferred.Deferred) {
			if got := deferred.SuccessResultOf(t, d); got != "OVERRIDDEN" {
				t.Fatal(got)
			}
		}},
		{"custom suppressed", true, deferred.OverrideFunc, func(t *testing.T, d *deferred.Deferred) {
			if got := deferred.SuccessResultOf(t, d); got != "OVERRIDDEN" {
				t.Fatal(got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := reactor.NewClock()
			d := deferred.New()
			var seen *twisted.Failure
			d.AddErrback(func(f *twisted.Failure) (any, error) {
				seen = f
				if tt.suppress {
					f.Trap(deferred.CancelledError)
					return nil, nil
				}
				return f, nil
			})
			d.AddTimeout(10, clock, tt.custom)
			clock.Advance(15)
			if seen == nil || seen.Type != deferred.CancelledError {
				t.Fatal(seen)
			}
			tt.check(t, d)
		})
	}
}

func TestCallbackAddedToCancellerBeforeTimeout(t *testing.T) {
	for _, custom := range []func(any, float64) any{nil, deferred.OverrideFunc} {
		clock := reactor.NewClock()
		d := deferred.NewWithCanceller(func(d *deferred.Deferred) { d.Callback("success") })
		var seen any
		d.AddCallback(func(v any) (any, error) { seen = v; return v, nil })
		d.AddTimeout(10, clock, custom)
		clock.Advance(15)
		want := "success"
		if custom != nil {
			want = "OVERRIDDEN"
		}
		if seen != "success" || deferred.SuccessResultOf(t, d) != want {
			t.Fatal(seen)
		}
	}
}

func TestTimeoutNumbers(t *testing.T) {
	clock := reactor.NewClock()
	d := deferred.New()
	d.AddTimeout(2.5, clock, nil)
	clock.Advance(3)
	if got := twisted.Repr(deferred.FailureResultOf(t, d, deferred.TimeoutError).Value); got != "TimeoutError(2.5, 'Deferred')" {
		t.Fatal(got)
	}
}

func TestDeprecatedTimeout(t *testing.T) {
	d := deferred.New()
	deferred.Timeout(d)
	if got := twisted.Repr(deferred.FailureResultOf(t, d, deferred.TimeoutError).Value); got != "TimeoutError('Callback timed out',)" {
		t.Fatal(got)
	}
}
