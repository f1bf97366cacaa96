package threads

import (
	"context"
	"errors"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func newReactor() *reactor.Reactor {
	r := reactor.New()
	r.NoSignalHandlers = true
	return r
}

// runUntil runs r until d fires, then returns d's result.
func runUntil(t *testing.T, r *reactor.Reactor, d *deferred.Deferred) any {
	t.Helper()
	var result any
	d.AddBoth(func(v any) (any, error) {
		result = v
		_ = r.Stop()
		return nil, nil
	})
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	return result
}

func TestDeferToThreadPool(t *testing.T) {
	boom := twisted.NewClass("Boom", twisted.Exception)
	for _, c := range []struct {
		name string
		f    func() (any, error)
		want string // the result, or the failure's message
	}{
		{"result", func() (any, error) { return 7, nil }, "7"},
		{"error", func() (any, error) { return nil, boom.New("x") }, "x"},
		{"panic", func() (any, error) { panic(boom.New("p")) }, "p"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newReactor()
			var onReactor bool
			d := DeferToThreadPool(r, r, func() (any, error) {
				if r.IsInIOThread() {
					t.Error("f ran on the reactor's goroutine")
				}
				return c.f()
			})
			d.AddBoth(func(v any) (any, error) { onReactor = r.IsInIOThread(); return v, nil })
			got := runUntil(t, r, d)
			if f, ok := got.(*twisted.Failure); ok {
				if f.Check(boom) == nil || twisted.Str(f.Value) != c.want {
					t.Errorf("failure %v, want Boom(%q)", f, c.want)
				}
			} else if twisted.Repr(got) != c.want {
				t.Errorf("result %v, want %s", got, c.want)
			}
			if !onReactor {
				t.Error("the Deferred did not fire on the reactor's goroutine")
			}
		})
	}
}

// BlockingCallFromThread from a pool goroutine: a plain result, a
// Deferred's later result, an error, a Deferred's failure.
func TestBlockingCallFromThread(t *testing.T) {
	r := newReactor()
	type outcome struct {
		v   any
		err error
	}
	fs := []func() (any, error){
		func() (any, error) { return "foo", nil },
		func() (any, error) {
			d := deferred.New()
			r.CallLater(0, func() { d.Callback("egg") })
			return d, nil
		},
		func() (any, error) { return nil, twisted.RuntimeError.New("bar") },
		func() (any, error) {
			d := deferred.New()
			r.CallLater(0, func() { d.Errback(twisted.RuntimeError.New("spam")) })
			return d, nil
		},
	}
	got := make([]outcome, len(fs))
	r.CallInThread(func() {
		for i, f := range fs {
			v, err := BlockingCallFromThread(r, f)
			got[i] = outcome{v, err}
		}
		r.CallFromThread(func() { _ = r.Stop() })
	})
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	if got[0].v != "foo" || got[0].err != nil || got[1].v != "egg" || got[1].err != nil {
		t.Errorf("results %v", got[:2])
	}
	for i, msg := range []string{"bar", "spam"} {
		var f *twisted.Failure
		if o := got[2+i]; o.v != nil || !errors.As(o.err, &f) || !errors.Is(o.err, twisted.RuntimeError) || twisted.Str(f.Value) != msg {
			t.Errorf("failure %d: %v, %v", i, o.v, o.err)
		}
	}
}

// On the reactor's own goroutine BlockingCallFromThread fails at once
// (Twisted 22.4 deadlocks).
func TestBlockingCallFromThreadOnReactor(t *testing.T) {
	r := newReactor()
	var err error
	ran := false
	r.CallWhenRunning(func() {
		_, err = BlockingCallFromThread(r, func() (any, error) { ran = true; return nil, nil })
		_ = r.Stop()
	})
	if e := r.Run(); e != nil {
		t.Fatal(e)
	}
	if !errors.Is(err, twisted.RuntimeError) || ran {
		t.Errorf("err = %v, ran = %v; want a RuntimeError, f not run", err, ran)
	}
}

// Once the reactor has stopped, BlockingCallFromThread returns
// ReactorNotRunning instead of waiting forever: after Run returned, and
// from pool work that Run waits for as it stops (which would otherwise
// deadlock the shutdown), whether f has not run or its Deferred has not
// fired.
func TestBlockingCallFromThreadAfterStop(t *testing.T) {
	r := newReactor()
	inWork := make(chan struct{})
	var duringShutdown, pendingDeferred error
	r.CallInThread(func() {
		_, pendingDeferred = BlockingCallFromThread(r, func() (any, error) {
			close(inWork)
			return deferred.New(), nil // never fires
		})
	})
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			<-inWork
			r.CallFromThread(func() { _ = r.Stop() })
		})
	})
	r.AddSystemEventTrigger("before", "shutdown", func() any {
		// Pool work that calls into the reactor while it shuts down.
		r.CallInThread(func() {
			_, duringShutdown = BlockingCallFromThread(r, func() (any, error) { return 1, nil })
		})
		return nil
	})
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(pendingDeferred, reactor.ReactorNotRunning) {
		t.Errorf("pending Deferred: err = %v, want ReactorNotRunning", pendingDeferred)
	}
	// Queued behind the stop, the pool work may run before the reactor's
	// loop ends (f runs) or after (ReactorNotRunning): never a hang.
	if duringShutdown != nil && !errors.Is(duringShutdown, reactor.ReactorNotRunning) {
		t.Errorf("during the shutdown: err = %v, want nil or ReactorNotRunning", duringShutdown)
	}
	if _, err := BlockingCallFromThread(r, func() (any, error) { return 1, nil }); !errors.Is(err, reactor.ReactorNotRunning) {
		t.Errorf("after Run: err = %v, want ReactorNotRunning", err)
	}
}

// A done context ends the wait, and cancels the Deferred f returned.
func TestBlockingCallFromThreadContext(t *testing.T) {
	r := newReactor()
	ctx, cancel := context.WithCancel(context.Background())
	var err error
	cancelled := make(chan struct{})
	r.CallInThread(func() {
		_, err = BlockingCallFromThreadContext(ctx, r, func() (any, error) {
			d := deferred.NewWithCanceller(func(*deferred.Deferred) { close(cancelled) })
			cancel() // f has run; its Deferred is pending
			return d, nil
		})
		<-cancelled
		r.CallFromThread(func() { _ = r.Stop() })
	})
	if e := r.Run(); e != nil {
		t.Fatal(e)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// CallMultipleInThread's functions run in order, on one pool goroutine.
func TestCallMultipleInThread(t *testing.T) {
	r := newReactor()
	var got []int
	var fs []func()
	for i := range 10 {
		fs = append(fs, func() {
			if r.IsInIOThread() {
				t.Error("ran on the reactor's goroutine")
			}
			got = append(got, i)
		})
	}
	fs = append(fs, func() { r.CallFromThread(func() { _ = r.Stop() }) })
	callMultipleInThread(r, fs)
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 || got[0] != 0 || got[9] != 9 {
		t.Errorf("got %v", got)
	}
}
