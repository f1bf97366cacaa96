package deferred

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/twisted"
)

// A context's errors are CancelledError and TimeoutError for ClassOf,
// AsError and Failure, and stay the Go errors for errors.Is, wrapped or
// not.
func TestGoContextErrors(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, stop := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer stop()
	for _, c := range []struct {
		name  string
		err   error
		class *twisted.Class
		goErr error
		str   string
	}{
		{"canceled", context.Canceled, CancelledError, context.Canceled, "context canceled"},
		{"ctx.Err canceled", cancelled.Err(), CancelledError, context.Canceled, "context canceled"},
		{"wrapped canceled", fmt.Errorf("get: %w", context.Canceled), CancelledError, context.Canceled, "get: context canceled"},
		{"deadline", context.DeadlineExceeded, TimeoutError, context.DeadlineExceeded, "context deadline exceeded"},
		{"ctx.Err deadline", expired.Err(), TimeoutError, context.DeadlineExceeded, "context deadline exceeded"},
		{"wrapped deadline", fmt.Errorf("get: %w", context.DeadlineExceeded), TimeoutError, context.DeadlineExceeded, "get: context deadline exceeded"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := twisted.ClassOf(c.err); got != c.class {
				t.Fatalf("ClassOf = %v, want %v", got, c.class)
			}
			f := twisted.NewFailure(c.err)
			if f.Check(c.class) == nil || !errors.Is(f, c.class) || !errors.Is(f, c.goErr) {
				t.Fatalf("%v: Check %v, Is %v", f, f.Check(c.class), errors.Is(f, c.goErr))
			}
			if got := f.GetErrorMessage(); got != c.str {
				t.Fatalf("message %q, want %q", got, c.str)
			}
			e := twisted.AsError(c.err)
			if !errors.Is(e, c.class) || !errors.Is(e, c.goErr) {
				t.Fatalf("AsError %v", e)
			}
		})
	}
	if got := twisted.ClassOf(errors.New("boom")); got != twisted.Exception {
		t.Fatalf("a plain error is %v", got)
	}
}

// A Deferred errbacked with a context's error is trapped as the class
// Twisted code expects.
func TestContextErrorTrapped(t *testing.T) {
	d := New()
	var trapped, isGo bool
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		trapped = f.Check(TimeoutError) != nil
		isGo = errors.Is(f, context.DeadlineExceeded)
		return nil, nil
	})
	d.Errback(context.DeadlineExceeded)
	if !trapped || !isGo {
		t.Fatalf("trapped %v, errors.Is %v", trapped, isGo)
	}
}
