package task

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

var errBoom = twisted.NewClass("Boom", nil)

func mustPanic(t *testing.T, class *twisted.Class, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		v := recover()
		if e, ok := v.(*twisted.Error); !ok || e.Class != class {
			t.Fatalf("panic %v, want a %s", v, class.Name())
		}
	}()
	f()
}

// watch returns the results d fires with, passing them on down its chain.
func watch(d *deferred.Deferred) *[]any {
	got := new([]any)
	d.AddBoth(func(r any) (any, error) { *got = append(*got, r); return r, nil })
	return got
}

// result returns what d has fired with so far, consuming it.
func result(d *deferred.Deferred) (got []any) {
	d.AddBoth(func(r any) (any, error) { got = append(got, r); return nil, nil })
	return got
}

func TestLoopingCallSchedule(t *testing.T) {
	clock := NewClock()
	var times []float64
	lc := NewLoopingCall(func() (any, error) { times = append(times, clock.Seconds()); return nil, nil })
	lc.Clock = clock
	d := lc.Start(1, true)
	clock.Pump([]float64{0.5, 0.5, 2.25, 0.75, 1})
	if diff := cmp.Diff([]float64{0, 1, 3.25, 4, 5}, times); diff != "" {
		t.Fatalf("call times (-want +got):\n%s", diff)
	}
	if !lc.Running() || len(clock.GetDelayedCalls()) != 1 {
		t.Fatal("not running with one call scheduled")
	}
	lc.Stop()
	if got := result(d); len(got) != 1 || got[0] != lc {
		t.Fatalf("Start's Deferred fired with %v", got)
	}
	if lc.Running() || len(clock.GetDelayedCalls()) != 0 {
		t.Fatal("still running after Stop")
	}
	mustPanic(t, twisted.AssertionError, lc.Stop)
	mustPanic(t, twisted.AssertionError, lc.Reset)
}

func TestLoopingCallMisuse(t *testing.T) {
	lc := NewLoopingCall(func() (any, error) { return nil, nil })
	lc.Clock = NewClock()
	mustPanic(t, twisted.ValueError, func() { lc.Start(-1, true) })
	lc.Start(1, false)
	mustPanic(t, twisted.AssertionError, func() { lc.Start(1, false) })
	lc.Stop()
}

func TestLoopingCallFailureStops(t *testing.T) {
	for name, f := range map[string]func() (any, error){
		"error":    func() (any, error) { return nil, errBoom.New("e") },
		"panic":    func() (any, error) { panic(errBoom.New("p")) },
		"deferred": func() (any, error) { return deferred.Fail(errBoom.New("d")), nil },
	} {
		t.Run(name, func(t *testing.T) {
			clock := NewClock()
			calls := 0
			lc := NewLoopingCall(func() (any, error) {
				calls++
				if calls == 2 {
					return f()
				}
				return nil, nil
			})
			lc.Clock = clock
			d := lc.Start(1, true)
			clock.Advance(1)
			got := result(d)
			if len(got) != 1 || !errors.Is(got[0].(error), errBoom) {
				t.Fatalf("Start's Deferred fired with %v", got)
			}
			if lc.Running() || len(clock.GetDelayedCalls()) != 0 {
				t.Fatal("still scheduled after a failure")
			}
		})
	}
}

func TestLoopingCallWaitsForDeferred(t *testing.T) {
	clock := NewClock()
	var pending *deferred.Deferred
	var times []float64
	lc := NewLoopingCall(func() (any, error) {
		times = append(times, clock.Seconds())
		pending = deferred.New()
		return pending, nil
	})
	lc.Clock = clock
	fired := watch(lc.Start(1, true))
	clock.Pump([]float64{1, 1, 0.5})
	if len(times) != 1 || len(clock.GetDelayedCalls()) != 0 {
		t.Fatalf("called at %v while waiting", times)
	}
	lc.Stop()
	if len(*fired) != 0 {
		t.Fatal("Start's Deferred fired before the call in progress completed")
	}
	pending.Callback(nil)
	if got := *fired; len(got) != 1 || got[0] != lc {
		t.Fatalf("fired with %v", got)
	}
}

func TestLoopingCallWithCount(t *testing.T) {
	clock := NewClock()
	var counts []string
	lc := NewLoopingCallWithCount(func(n int) (any, error) {
		counts = append(counts, fmt.Sprint(clock.Seconds(), ":", n))
		return nil, nil
	})
	lc.Clock = clock
	lc.Start(1, false)
	clock.Pump([]float64{1, 3.5, 0.5, 0.25, 2})
	want := []string{"1:1", "4.5:3", "5:1", "7.25:2"}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Fatalf("counts (-want +got):\n%s", diff)
	}
	lc.Stop()
}

func TestLoopingCallReset(t *testing.T) {
	clock := NewClock()
	n := 0
	lc := NewLoopingCall(func() (any, error) { n++; return nil, nil })
	lc.Clock = clock
	lc.Start(2, false)
	clock.Advance(1.5)
	lc.Reset()
	clock.Advance(1.5)
	if n != 0 {
		t.Fatalf("called %d times before the reset interval", n)
	}
	clock.Advance(0.5)
	if n != 1 {
		t.Fatalf("called %d times, want 1", n)
	}
	lc.Stop()
}

func TestLoopingCallString(t *testing.T) {
	lc := NewLoopingCall(nil)
	if got := lc.String(); got != "LoopingCall<None>(None)" {
		t.Fatal(got)
	}
	lc.F = func() (any, error) { return nil, nil }
	lc.Clock = NewClock()
	lc.Start(0.5, false)
	if got := lc.String(); got != "LoopingCall<0.5>(github.com/twistedflow/twistedflow/twisted/task.TestLoopingCallString.func1)" {
		t.Fatal(got)
	}
	lc.Stop()
}

func TestDeferLater(t *testing.T) {
	clock := NewClock()
	fired := watch(DeferLater(clock, 2, func() (any, error) { return "done", nil }))
	clock.Advance(1.5)
	if len(*fired) != 0 {
		t.Fatal("fired early")
	}
	clock.Advance(0.5)
	if got := *fired; len(got) != 1 || got[0] != "done" {
		t.Fatalf("got %v", got)
	}

	called := false
	d := DeferLater(clock, 1, func() (any, error) { called = true; return nil, nil })
	d.Cancel()
	got := result(d)
	if f, ok := got[0].(*twisted.Failure); !ok || f.Check(deferred.CancelledError) == nil {
		t.Fatalf("cancelled DeferLater gave %v", got)
	}
	clock.Advance(5)
	if called || len(clock.GetDelayedCalls()) != 0 {
		t.Fatal("cancelled call still scheduled or made")
	}
}

// Stopped while F's Deferred is pending, a LoopingCall cannot start again
// until that Deferred has fired (which fires the stopped run's Deferred);
// then it can.
func TestLoopingCallRestartWhileCallPending(t *testing.T) {
	clock := NewClock()
	pending := deferred.New()
	calls := 0
	lc := NewLoopingCall(func() (any, error) {
		calls++
		if calls == 1 {
			return pending, nil
		}
		return nil, nil
	})
	lc.Clock = clock
	first := lc.Start(1, true)
	lc.Stop()
	mustPanic(t, twisted.AssertionError, func() { lc.Start(1, false) })
	pending.Callback(nil)
	if !first.Called() || first.Result() != lc {
		t.Fatalf("the stopped run's Deferred: %v", first.Result())
	}
	second := lc.Start(1, false)
	clock.Advance(1)
	lc.Stop()
	if calls != 2 || !second.Called() || len(clock.GetDelayedCalls()) != 0 {
		t.Fatalf("%d calls, second run fired %v, %d calls pending", calls, second.Called(), len(clock.GetDelayedCalls()))
	}
}
