package threads_test

import (
	"fmt"
	"strings"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/threads"
)

// DeferToThread runs blocking work off the reactor's goroutine; its
// Deferred fires back on it.
func ExampleDeferToThread() {
	r := reactor.Default()
	r.NoSignalHandlers = true // an example in a test binary; a program keeps them
	d := threads.DeferToThread(func() (any, error) {
		// Blocking work: a file, a database, a computation.
		return strings.ToUpper("done in a thread"), nil
	})
	d.AddCallback(func(result any) (any, error) {
		fmt.Println(result)
		return nil, r.Stop()
	})
	_ = r.Run()
	// Output: DONE IN A THREAD
}

// BlockingCallFromThread lets a goroutine of its own ask the reactor to do
// something and wait for the result, here a Deferred's.
func ExampleBlockingCallFromThread() {
	r := reactor.New()
	r.NoSignalHandlers = true
	r.CallInThread(func() {
		result, err := threads.BlockingCallFromThread(r, func() (any, error) {
			d := deferred.New()
			r.CallLater(0, func() { d.Callback("from the reactor") })
			return d, nil
		})
		fmt.Println(result, err)
		r.CallFromThread(func() { _ = r.Stop() })
	})
	_ = r.Run()
	// Output: from the reactor <nil>
}

// DeferToThreadPool runs f on a pool of one's own, here the pool of a
// reactor that is not the default one.
func ExampleDeferToThreadPool() {
	r := reactor.New()
	r.NoSignalHandlers = true
	threads.DeferToThreadPool(r, r, func() (any, error) { return 3 + 4, nil }).
		AddCallback(func(result any) (any, error) {
			fmt.Println(result)
			return nil, r.Stop()
		})
	_ = r.Run()
	// Output: 7
}
