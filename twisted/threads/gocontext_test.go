package threads

import (
	"context"
	"errors"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

type awaited struct {
	v   any
	err error
}

// awaitFrom runs Await on a goroutine once r runs, and stops r with its
// outcome.
func awaitFrom(t *testing.T, r *reactor.Reactor, ctx context.Context, d *deferred.Deferred, onReactor func()) awaited {
	t.Helper()
	out := make(chan awaited, 1)
	r.CallWhenRunning(func() {
		go func() {
			v, err := Await(ctx, r, d)
			out <- awaited{v, err}
			r.CallFromThread(func() { _ = r.Stop() })
		}()
		if onReactor != nil {
			onReactor()
		}
	})
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	return <-out
}

func TestAwait(t *testing.T) {
	r := newReactor()
	d := deferred.New()
	got := awaitFrom(t, r, context.Background(), d, func() { r.CallLater(0, func() { d.Callback(7) }) })
	if got.err != nil || got.v != 7 {
		t.Errorf("Await: %v, %v; want 7", got.v, got.err)
	}

	r = newReactor()
	d = deferred.New()
	got = awaitFrom(t, r, context.Background(), d, func() { d.Errback(twisted.KeyError.New("k")) })
	if twisted.ClassOf(got.err) != twisted.KeyError {
		t.Errorf("Await of a failure: %v, %v; want KeyError", got.v, got.err)
	}
}

// ctx done first: Await returns ctx.Err(), and the Deferred is cancelled
// on the reactor's goroutine.
func TestAwaitContextCancelsTheDeferred(t *testing.T) {
	r := newReactor()
	cancelled := make(chan bool, 1)
	d := deferred.NewWithCanceller(func(*deferred.Deferred) { cancelled <- r.IsInIOThread() })
	ctx, cancel := context.WithCancel(context.Background())
	got := awaitFrom(t, r, ctx, d, cancel)
	if !errors.Is(got.err, context.Canceled) {
		t.Errorf("Await: %v, want context.Canceled", got.err)
	}
	if onReactor := <-cancelled; !onReactor {
		t.Error("the Deferred was cancelled off the reactor's goroutine")
	}
}

func TestAwaitOnTheReactor(t *testing.T) {
	r := newReactor()
	var err error
	r.CallWhenRunning(func() {
		_, err = Await(context.Background(), r, deferred.Succeed(1))
		_ = r.Stop()
	})
	_ = r.Run()
	if twisted.ClassOf(err) != twisted.RuntimeError {
		t.Errorf("Await on the reactor's goroutine: %v, want RuntimeError", err)
	}
}

func TestDeferContext(t *testing.T) {
	boom := twisted.NewClass("Boom", twisted.Exception)
	for _, c := range []struct {
		name string
		f    func(context.Context) (string, error)
		want string
	}{
		{"result", func(context.Context) (string, error) { return "ok", nil }, "'ok'"},
		{"error", func(context.Context) (string, error) { return "", boom.New("x") }, "Boom"},
		{"panic", func(context.Context) (string, error) { panic(boom.New("p")) }, "Boom"},
	} {
		r := newReactor()
		var got any
		var firedOnReactor bool
		r.CallWhenRunning(func() {
			DeferContext(r, func(ctx context.Context) (string, error) {
				if r.IsInIOThread() {
					t.Error("f ran on the reactor's goroutine")
				}
				return c.f(ctx)
			}).AddBoth(func(v any) (any, error) {
				got, firedOnReactor = v, r.IsInIOThread()
				return nil, r.Stop()
			})
		})
		_ = r.Run()
		s := twisted.Repr(got)
		if f, ok := got.(*twisted.Failure); ok {
			s = f.Type.Name()
		}
		if s != c.want || !firedOnReactor {
			t.Errorf("%s: fired with %s (on the reactor: %v), want %s", c.name, s, firedOnReactor, c.want)
		}
	}
}

// Cancelling the Deferred cancels f's context; the Deferred fails with
// CancelledError at once.
func TestDeferContextCancel(t *testing.T) {
	r := newReactor()
	var got any
	ctxErr := make(chan error, 1)
	r.CallWhenRunning(func() {
		d := DeferContext(r, func(ctx context.Context) (int, error) {
			<-ctx.Done()
			ctxErr <- ctx.Err()
			return 1, nil
		})
		d.AddBoth(func(v any) (any, error) { got = v; return nil, nil })
		d.Cancel()
		_ = r.Stop()
	})
	_ = r.Run()
	if f, ok := got.(*twisted.Failure); !ok || f.Check(deferred.CancelledError) == nil {
		t.Errorf("fired with %s, want CancelledError", twisted.Repr(got))
	}
	if err := <-ctxErr; !errors.Is(err, context.Canceled) {
		t.Errorf("f's context: %v", err)
	}
}

// The reactor's shutdown cancels what runs; once stopped, DeferContext
// fails at once.
func TestDeferContextShutdown(t *testing.T) {
	r := newReactor()
	var got any
	ended := make(chan struct{})
	r.CallWhenRunning(func() {
		DeferContext(r, func(ctx context.Context) (int, error) {
			defer close(ended)
			<-ctx.Done()
			return 0, ctx.Err()
		}).AddBoth(func(v any) (any, error) { got = v; return nil, nil })
		_ = r.Stop()
	})
	_ = r.Run()
	<-ended
	if f, ok := got.(*twisted.Failure); !ok || f.Check(deferred.CancelledError) == nil {
		t.Errorf("fired with %s, want CancelledError", twisted.Repr(got))
	}
	d := DeferContext(r, func(context.Context) (int, error) { t.Error("f ran after the reactor stopped"); return 0, nil })
	var after any
	d.AddBoth(func(v any) (any, error) { after = v; return nil, nil })
	if f, ok := after.(*twisted.Failure); !ok || f.Check(reactor.ReactorNotRunning) == nil {
		t.Errorf("after the stop: %s, want ReactorNotRunning", twisted.Repr(after))
	}
}
