package reactor_test

import (
	"context"
	"fmt"

	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// RunContext stops the reactor when its context is done: here a
// cancellation; in a program, signal.NotifyContext or a parent's
// shutdown.
func ExampleReactor_RunContext() {
	r := reactor.New()
	r.NoSignalHandlers = true
	ctx, cancel := context.WithCancel(context.Background())
	r.AddSystemEventTrigger("before", "shutdown", func() any {
		fmt.Println("shutting down")
		return nil
	})
	r.CallLater(0, cancel)
	err := r.RunContext(ctx)
	fmt.Println(err, ctx.Err())
	// Output:
	// shutting down
	// <nil> context canceled
}
