package threads_test

import (
	"context"
	"fmt"
	"time"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/threads"
)

// A goroutine waits for a Deferred of the reactor's, bounded by a
// context.
func ExampleAwait() {
	r := reactor.New()
	r.NoSignalHandlers = true
	d := deferred.New()
	r.CallLater(0, func() { d.Callback("answer") })
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		v, err := threads.Await(ctx, r, d)
		fmt.Println(v, err)
		r.CallFromThread(func() { _ = r.Stop() })
	}()
	_ = r.Run()
	// Output: answer <nil>
}

// A Go function that takes a context, as a Deferred: cancelling the
// Deferred cancels the context.
func ExampleDeferContext() {
	r := reactor.New()
	r.NoSignalHandlers = true
	r.CallWhenRunning(func() {
		d := threads.DeferContext(r, func(ctx context.Context) (int, error) {
			return 6 * 7, nil // a query, a request: whatever takes ctx
		})
		d.AddBoth(func(v any) (any, error) {
			fmt.Println(v)
			return nil, r.Stop()
		})
	})
	_ = r.Run()
	// Output: 42
}
