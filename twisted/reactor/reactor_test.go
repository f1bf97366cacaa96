package reactor

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twistedflow/twistedflow/twisted"
)

// run runs r until a callback stops it, failing t if Run fails.
func run(t *testing.T, r *Reactor) {
	t.Helper()
	var state string // set if the run outlasted runBound
	bound := time.AfterFunc(runBound, func() {
		r.CallFromThread(func() {
			state = describeRun(r)
			stop(r)
		})
	})
	err := r.Run()
	bound.Stop()
	if err != nil {
		t.Fatalf("Run() = %v", err)
	}
	if state != "" {
		t.Fatalf("the run was still going after %v, and was stopped: %s", runBound, state)
	}
}

// mustStop stops r from a callback, failing t on error.
func mustStop(t *testing.T, r *Reactor) {
	t.Helper()
	if err := r.Stop(); err != nil {
		t.Errorf("Stop() = %v", err)
	}
}

func TestRunStop(t *testing.T) {
	r := New()
	if r.Running() {
		t.Error("a new reactor is running")
	}
	var running bool
	r.CallWhenRunning(func() {
		running = r.Running()
		mustStop(t, r)
	})
	run(t, r)
	if !running {
		t.Error("Running() was false in a CallWhenRunning call")
	}
	if r.Running() {
		t.Error("Running() is true after Run returned")
	}
}

func TestCallWhenRunningOrder(t *testing.T) {
	r := New()
	var got []string
	r.CallWhenRunning(func() { got = append(got, "first") })
	r.CallWhenRunning(func() {
		got = append(got, "second")
		// While running, CallWhenRunning calls at once.
		r.CallWhenRunning(func() { got = append(got, "nested") })
		got = append(got, "after nested")
		mustStop(t, r)
	})
	run(t, r)
	want := []string{"first", "second", "nested", "after nested"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestStopNotRunning(t *testing.T) {
	r := New()
	err := r.Stop()
	if !errors.Is(err, ReactorNotRunning) || err.Error() != "Can't stop reactor that isn't running." {
		t.Errorf("Stop() on a new reactor = %v, want ReactorNotRunning", err)
	}
	var second error
	r.CallWhenRunning(func() {
		mustStop(t, r)
		second = r.Stop()
	})
	run(t, r)
	if !errors.Is(second, ReactorNotRunning) {
		t.Errorf("second Stop() = %v, want ReactorNotRunning", second)
	}
	if err := r.Stop(); !errors.Is(err, ReactorNotRunning) {
		t.Errorf("Stop() after Run = %v, want ReactorNotRunning", err)
	}
}

func TestRunTwice(t *testing.T) {
	r := New()
	var nested error
	r.CallWhenRunning(func() {
		nested = r.Run()
		mustStop(t, r)
	})
	run(t, r)
	if !errors.Is(nested, ReactorAlreadyRunning) {
		t.Errorf("Run() inside Run = %v, want ReactorAlreadyRunning", nested)
	}
	if err := r.Run(); !errors.Is(err, ReactorNotRestartable) {
		t.Errorf("Run() after Stop = %v, want ReactorNotRestartable", err)
	}
}

func TestCallLaterRuns(t *testing.T) {
	r := New()
	var got []string
	r.CallWhenRunning(func() {
		r.CallLater(0.02, func() { got = append(got, "0.02"); mustStop(t, r) })
		r.CallLater(0.01, func() { got = append(got, "0.01") })
		r.CallLater(0, func() { got = append(got, "0") })
	})
	run(t, r)
	if diff := cmp.Diff([]string{"0", "0.01", "0.02"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Calls due at the same time run in the order they were scheduled. The
// reactor's clock is pinned so that they are due at the very same time.
func TestCallLaterSameTimeOrder(t *testing.T) {
	r := New()
	r.q.Now = func() float64 { return 100 }
	var got []int
	r.CallWhenRunning(func() {
		for i := range 50 {
			r.CallLater(float64(i%3), func() { got = append(got, i) })
		}
		r.CallLater(3, func() { mustStop(t, r) })
	})
	run(t, r)
	var want []int
	for k := range 3 {
		for i := k; i < 50; i += 3 {
			want = append(want, i)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCallLaterNegativeDelayPanics(t *testing.T) {
	r := New()
	defer func() {
		v := recover()
		err, ok := v.(error)
		if !ok || !errors.Is(err, twisted.AssertionError) || err.Error() != "-1.0 is not greater than or equal to 0 seconds" {
			t.Errorf("recovered %v, want an AssertionError", v)
		}
	}()
	r.CallLater(-1, func() {})
}

// test_cancelDelayedCall: a cancelled call does not run.
func TestCancelDelayedCall(t *testing.T) {
	r := New()
	called := false
	call := r.CallLater(0, func() { called = true })
	if err := call.Cancel(); err != nil {
		t.Fatal(err)
	}
	r.CallLater(0, func() { r.CallLater(0, func() { mustStop(t, r) }) })
	run(t, r)
	if called {
		t.Error("cancelled call ran")
	}
	if err := call.Cancel(); !errors.Is(err, AlreadyCancelled) {
		t.Errorf("second Cancel() = %v, want AlreadyCancelled", err)
	}
}

// test_cancelCalledDelayedCallSynchronous and Asynchronous.
func TestCancelCalledDelayedCall(t *testing.T) {
	r := New()
	var inside, after error
	var call *DelayedCall
	call = r.CallLater(0, func() {
		inside = call.Cancel()
		r.CallLater(0, func() {
			after = call.Cancel()
			mustStop(t, r)
		})
	})
	run(t, r)
	if !errors.Is(inside, AlreadyCalled) || !errors.Is(after, AlreadyCalled) {
		t.Errorf("Cancel() while running = %v, after = %v; want AlreadyCalled twice", inside, after)
	}
}

// After Stop, the calls already due in the same iteration still run, as
// in Twisted (Stop takes effect at the end of the iteration).
func TestStopFinishesIteration(t *testing.T) {
	r := New()
	var got []string
	r.CallWhenRunning(func() {
		r.CallLater(0, func() { got = append(got, "a"); mustStop(t, r) })
		r.CallLater(0, func() { got = append(got, "b") })
		r.CallLater(3600, func() { got = append(got, "never") })
	})
	run(t, r)
	if diff := cmp.Diff([]string{"a", "b"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if n := len(r.GetDelayedCalls()); n != 1 {
		t.Errorf("%d delayed calls left, want 1", n)
	}
}

// Calls scheduled by a timed call run at the next iteration, after the
// calls from other goroutines that arrived meanwhile.
func TestNewCallsWaitForNextIteration(t *testing.T) {
	r := New()
	var got []string
	r.CallLater(0, func() {
		got = append(got, "timed")
		r.CallLater(0, func() { got = append(got, "timed+0"); mustStop(t, r) })
		r.CallFromThread(func() { got = append(got, "fromThread") })
	})
	run(t, r)
	if diff := cmp.Diff([]string{"timed", "fromThread", "timed+0"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// testCallFromThreadStops: a CallFromThread from a call made by
// CallFromThread waits for the next iteration, after the due timed calls.
func TestCallFromThreadStops(t *testing.T) {
	r := New()
	stopped := false
	var seen bool
	r.CallFromThread(func() {
		r.CallFromThread(func() { seen = stopped; mustStop(t, r) })
		r.CallLater(0, func() { stopped = true })
	})
	run(t, r)
	if !seen {
		t.Error("the second CallFromThread ran before the timed call")
	}
}

// test_scheduledThreadsNotRunUntilReactorRuns,
// test_threadsAreRunInScheduledOrder, test_lotsOfThreadsAreScheduledCorrectly.
func TestCallFromThread(t *testing.T) {
	r := New()
	var order []int
	for i := range 3 {
		r.CallFromThread(func() { order = append(order, i) })
	}
	if len(order) != 0 {
		t.Fatal("CallFromThread ran before Run")
	}
	const goroutines = 100
	count := 0
	r.CallWhenRunning(func() {
		for range goroutines {
			go r.CallFromThread(func() {
				count++
				if count == goroutines {
					mustStop(t, r)
				}
			})
		}
	})
	run(t, r)
	if diff := cmp.Diff([]int{0, 1, 2}, order); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if count != goroutines {
		t.Errorf("%d calls ran, want %d", count, goroutines)
	}
}

// moveStopToNow makes r stop now instead of at far, an hour away, in the
// way name says: a new CallLater(0), far.Reset(0) or far.Delay(-3600).
func moveStopToNow(t *testing.T, r *Reactor, far *DelayedCall, name string) {
	switch name {
	case "CallLater":
		r.CallLater(0, func() { mustStop(t, r) })
	case "Reset":
		far.Reset(0)
	case "Delay":
		far.Delay(-3600)
	}
}

// CallLater, Reset and Delay from another goroutine wake the loop, which
// is otherwise waiting for a call an hour away.
func TestWakeFromOtherGoroutine(t *testing.T) {
	for _, name := range []string{"CallLater", "Reset", "Delay"} {
		t.Run(name, func(t *testing.T) {
			r := New()
			far := r.CallLater(3600, func() { mustStop(t, r) })
			r.CallWhenRunning(func() {
				go moveStopToNow(t, r, far, name)
			})
			run(t, r)
		})
	}
}

// CallLater, Reset and Delay from another goroutine while the loop runs
// a call (so that they send no wake-up: the loop has not computed its
// wait yet) still run on time: the wait the loop computes after the call
// sees them, with nothing else due for an hour.
func TestQueueChangedDuringIteration(t *testing.T) {
	for _, name := range []string{"CallLater", "Reset", "Delay"} {
		t.Run(name, func(t *testing.T) {
			r := New()
			far := r.CallLater(3600, func() { mustStop(t, r) })
			r.CallLater(0, func() {
				done := make(chan struct{})
				go func() {
					defer close(done)
					moveStopToNow(t, r, far, name)
				}()
				<-done // the loop is still inside this call
			})
			run(t, r)
		})
	}
}

func TestGetDelayedCalls(t *testing.T) {
	r := New()
	a := r.CallLater(3, func() {})
	b := r.CallLater(1, func() {})
	c := r.CallLater(2, func() {})
	c.Cancel()
	if got := r.GetDelayedCalls(); len(got) != 2 || got[0] != b || got[1] != a {
		t.Errorf("GetDelayedCalls() = %v, want [b a]", got)
	}
	if err := a.Reset(0.5); err != nil {
		t.Fatal(err)
	}
	if got := r.GetDelayedCalls(); len(got) != 2 || got[0] != a || got[1] != b {
		t.Errorf("GetDelayedCalls() after Reset = %v, want [a b]", got)
	}
}

func TestSeconds(t *testing.T) {
	r := New()
	now := float64(time.Now().UnixNano()) / 1e9
	if s := r.Seconds(); math.Abs(s-now) > 1 {
		t.Errorf("Seconds() = %v, time.Now() = %v", s, now)
	}
	call := r.CallLater(10, func() {})
	if d := call.GetTime() - (now + 10); math.Abs(d) > 1 {
		t.Errorf("GetTime() of CallLater(10) is %v s off now+10", d)
	}
	if a, b := r.Seconds(), r.Seconds(); b < a {
		t.Errorf("Seconds() went backwards: %v then %v", a, b)
	}
}

func TestDefault(t *testing.T) {
	if d1, d2 := Default(), Default(); d1 != d2 {
		t.Error("Default() returned two reactors")
	}
	if Default() == New() {
		t.Error("New() returned the default reactor")
	}
}

func TestIterate(t *testing.T) {
	r := New()
	// test_iterate (src/twisted/internet/test/test_core.py): Iterate(0)
	// does not block, even with a call pending.
	later := r.CallLater(5, func() { t.Error("the call 5s away ran") })
	start := time.Now()
	r.Iterate(0)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("Iterate(0) blocked for %v", elapsed)
	}
	later.Cancel()

	ran := false
	r.CallLater(0, func() { ran = true })
	r.Iterate(0)
	if !ran {
		t.Fatal("Iterate(0) did not run the due call")
	}
	fromThread := false
	go r.CallFromThread(func() { fromThread = true })
	r.Iterate(3600) // returns when the CallFromThread wakes it
	r.Iterate(0)
	if !fromThread {
		t.Error("the call from another goroutine did not run")
	}
}

// recorder is a slog.Handler keeping the records logged.
type recorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (h *recorder) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *recorder) WithGroup(string) slog.Handler            { return h }
func (h *recorder) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r)
	return nil
}

// failures returns the Failures logged as unhandled errors.
func (h *recorder) failures(t *testing.T) []*twisted.Failure {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	var fs []*twisted.Failure
	for _, rec := range h.records {
		if rec.Message != "Unhandled Error" || rec.Level != slog.LevelError {
			t.Errorf("logged %v %q, want ERROR \"Unhandled Error\"", rec.Level, rec.Message)
		}
		var f *twisted.Failure
		var traceback string
		rec.Attrs(func(a slog.Attr) bool {
			switch a.Key {
			case "failure":
				f, _ = a.Value.Any().(*twisted.Failure)
			case "traceback":
				traceback = a.Value.String()
			}
			return true
		})
		if f == nil || traceback != f.GetTraceback() {
			t.Errorf("record without the failure and its traceback: %v", rec)
			continue
		}
		fs = append(fs, f)
	}
	return fs
}

// A panic in any call the reactor runs is logged as an unhandled error
// and the loop goes on.
func TestPanicIsLogged(t *testing.T) {
	r := New()
	h := &recorder{}
	r.Logger = slog.New(h)
	done := make(chan struct{})
	r.CallWhenRunning(func() { panic(twisted.KeyError.New("k")) })
	r.CallFromThread(func() { panic("fromThread") })
	r.CallInThread(func() { defer close(done); nilMap()["x"] = 1 })
	r.CallLater(0, func() {
		var zero int
		_ = 1 / zero
	})
	r.CallLater(0.01, func() {
		r.CallInThread(func() {
			<-done
			r.CallFromThread(func() { mustStop(t, r) })
		})
	})
	run(t, r)
	var got []string
	for _, f := range h.failures(t) {
		got = append(got, f.Error())
	}
	// The pool's goroutine may log before or after the reactor's calls.
	slicesSort(got)
	want := []string{
		"AttributeError: assignment to entry in nil map",
		"Exception: fromThread",
		"KeyError: 'k'",
		"ZeroDivisionError: integer division or modulo by zero",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failures logged (-want +got):\n%s", diff)
	}
}

func nilMap() map[string]int { return nil }

// A call reset or delayed to later does not run at its old time.
func TestResetLater(t *testing.T) {
	r := New()
	var got []string
	reset := r.CallLater(0, func() { got = append(got, "reset") })
	delayed := r.CallLater(0, func() { got = append(got, "delayed") })
	if err := reset.Reset(3600); err != nil {
		t.Fatal(err)
	}
	if err := delayed.Delay(3600); err != nil {
		t.Fatal(err)
	}
	r.CallLater(0.01, func() { got = append(got, "stop"); mustStop(t, r) })
	run(t, r)
	if diff := cmp.Diff([]string{"stop"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !reset.Active() || !delayed.Active() {
		t.Error("the moved calls are no longer pending")
	}
}

// CallLater, Cancel, Reset, Delay and GetDelayedCalls from many goroutines
// while the reactor runs (go test -race): every call either runs once, on
// the reactor goroutine, or is cancelled.
func TestReactorConcurrentUse(t *testing.T) {
	r := New()
	const goroutines, each = 8, 100
	var mu sync.Mutex
	ran := map[int]int{}
	cancelled := map[int]bool{}
	var wg sync.WaitGroup
	r.CallWhenRunning(func() {
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					id := g*each + i
					call := r.CallLater(float64(i%3)*0.001, func() { ran[id]++ }) // ran is only touched on the reactor goroutine
					switch i % 4 {
					case 0:
						if call.Cancel() == nil {
							mu.Lock()
							cancelled[id] = true
							mu.Unlock()
						}
					case 1:
						call.Reset(0.002)
					case 2:
						call.Delay(0.001)
					case 3:
						r.GetDelayedCalls()
					}
				}
			}()
		}
		go func() {
			wg.Wait()
			// Every call is scheduled at most 5ms away: stop after them.
			r.CallFromThread(func() { r.CallLater(0.01, func() { mustStop(t, r) }) })
		}()
	})
	run(t, r)
	for id := range goroutines * each {
		if ran[id]+b2i(cancelled[id]) != 1 {
			t.Fatalf("call %d: ran %d times, cancelled %v", id, ran[id], cancelled[id])
		}
	}
}

// test_distantDelayedCall (src/twisted/internet/test/test_time.py):
// scheduling a call in the extreme future does not prevent normal reactor
// operation.
func TestDistantDelayedCall(t *testing.T) {
	r := New()
	delayedCall := r.CallLater(math.Pow(2, 128)+1, func() {})
	r.CallFromThread(func() { r.CallFromThread(func() { mustStop(t, r) }) })
	run(t, r)
	if !delayedCall.Active() {
		t.Error("the distant call is no longer active")
	}
	if got := r.GetDelayedCalls(); len(got) != 1 || got[0] != delayedCall {
		t.Errorf("GetDelayedCalls() = %v, want the distant call", got)
	}
}

// The loop's wait is bounded: a distant due time does not overflow into a
// wait of zero (which would spin the loop).
func TestWaitDuration(t *testing.T) {
	tests := []struct {
		seconds float64
		want    time.Duration
	}{
		{0, 0},
		{0.25, 250 * time.Millisecond},
		{math.Pow(2, 128), 2147483 * time.Second},
		{math.Inf(1), 2147483 * time.Second},
	}
	for _, tt := range tests {
		if got := waitDuration(tt.seconds); got != tt.want {
			t.Errorf("waitDuration(%v) = %v, want %v", tt.seconds, got, tt.want)
		}
	}
}
