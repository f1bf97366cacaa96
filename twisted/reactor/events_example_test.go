package reactor_test

import (
	"fmt"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Shutdown triggers clean up in order: a before-phase trigger's Deferred
// (here fired a moment later, as a closing connection would) holds the
// shutdown until it fires; the reactor still runs meanwhile.
func ExampleReactor_AddSystemEventTrigger() {
	r := reactor.New()
	r.NoSignalHandlers = true // an example in a test binary; a server keeps them
	r.AddSystemEventTrigger("before", "shutdown", func() any {
		fmt.Println("before shutdown: closing, running =", r.Running())
		closed := deferred.New()
		r.CallLater(0.01, func() { fmt.Println("closed"); closed.Callback(nil) })
		return closed
	})
	r.AddSystemEventTrigger("during", "shutdown", func() any {
		fmt.Println("during shutdown: running =", r.Running())
		return nil
	})
	r.AddSystemEventTrigger("after", "shutdown", func() any {
		fmt.Println("after shutdown")
		return nil
	})
	r.CallWhenRunning(func() { r.Stop() })
	r.Run()
	fmt.Println("after Run")
	// Output:
	// before shutdown: closing, running = true
	// closed
	// during shutdown: running = false
	// after shutdown
	// after Run
}
