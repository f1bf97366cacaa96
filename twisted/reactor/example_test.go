package reactor_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A Clock stands in for the reactor in tests: its time only moves when
// the test advances it.
func ExampleClock() {
	clock := reactor.NewClock()
	clock.CallLater(2, func() { fmt.Println("due at 2, run at", clock.Seconds()) })
	clock.CallLater(1, func() { fmt.Println("due at 1, run at", clock.Seconds()) })

	clock.Advance(1.5) // time moves first, then the due calls run
	fmt.Println("advanced to", clock.Seconds())
	clock.Advance(1.5)
	// Output:
	// due at 1, run at 1.5
	// advanced to 1.5
	// due at 2, run at 3
}

// Code written against IReactorTime runs unchanged on a Reactor and, in
// its tests, on a Clock.
func ExampleIReactorTime() {
	// timeout calls onTimeout unless done is called within seconds.
	timeout := func(r reactor.IReactorTime, seconds float64, onTimeout func()) (done func()) {
		call := r.CallLater(seconds, onTimeout)
		return func() { call.Cancel() }
	}

	clock := reactor.NewClock()
	done := timeout(clock, 30, func() { fmt.Println("timed out") })
	clock.Advance(10)
	done()
	clock.Advance(30)

	timeout(clock, 30, func() { fmt.Println("timed out at", clock.Seconds()) })
	clock.Pump([]float64{10, 10, 10})
	// Output:
	// timed out at 70
}

// Reset moves a call to another time, counted from now; Delay pushes it
// back from the time it was due.
func ExampleDelayedCall_Reset() {
	clock := reactor.NewClock()
	call := clock.CallLater(5, func() { fmt.Println("ran at", clock.Seconds()) })
	clock.Advance(4)
	call.Reset(5) // a keep-alive: due 5 seconds from now
	fmt.Println("due at", call.GetTime())
	call.Delay(1)
	fmt.Println("due at", call.GetTime())
	clock.Advance(6)
	fmt.Println("active:", call.Active())
	// Output:
	// due at 9
	// due at 10
	// ran at 10
	// active: false
}

func ExampleDelayedCall_Cancel() {
	clock := reactor.NewClock()
	call := clock.CallLater(1, func() { fmt.Println("never runs") })
	fmt.Println(call.Cancel())
	err := call.Cancel()
	fmt.Println(err)
	fmt.Println(errors.Is(err, reactor.AlreadyCancelled))
	// Output:
	// <nil>
	// Tried to cancel an already-cancelled event.
	// true
}

// Run runs every call on the goroutine that calls it, until a call stops
// the reactor.
func ExampleReactor_CallLater() {
	r := reactor.New()
	r.CallWhenRunning(func() {
		fmt.Println("running")
		r.CallLater(0.02, func() {
			fmt.Println("after 20ms")
			r.Stop()
		})
		r.CallLater(0.01, func() { fmt.Println("after 10ms") })
	})
	if err := r.Run(); err != nil {
		fmt.Println(err)
	}
	fmt.Println("stopped")
	// Output:
	// running
	// after 10ms
	// after 20ms
	// stopped
}

// Blocking work goes to the pool with CallInThread; its result comes back
// to the reactor goroutine with CallFromThread.
func ExampleReactor_CallInThread() {
	r := reactor.New()
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			result := strings.ToUpper("computed off the reactor") // blocking work here
			r.CallFromThread(func() {
				fmt.Println(result)
				r.Stop()
			})
		})
	})
	r.Run()
	// Output:
	// COMPUTED OFF THE REACTOR
}

// Stop on a reactor that is not running is an error, as in Twisted.
func ExampleReactor_Stop() {
	r := reactor.New()
	err := r.Stop()
	fmt.Println(err)
	fmt.Println(errors.Is(err, reactor.ReactorNotRunning))
	// Output:
	// Can't stop reactor that isn't running.
	// true
}
