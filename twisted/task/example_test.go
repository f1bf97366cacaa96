package task_test

import (
	"fmt"
	"iter"

	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
	"github.com/twistedflow/twistedflow/twisted/task"
)

func ExampleLoopingCall() {
	clock := task.NewClock()
	lc := task.NewLoopingCall(func() (any, error) {
		fmt.Println("tick at", clock.Seconds())
		return nil, nil
	})
	lc.Clock = clock
	done := lc.Start(1, true) // calls at once, then every second
	done.AddCallback(func(any) (any, error) {
		fmt.Println("stopped")
		return nil, nil
	})
	clock.Pump([]float64{1, 1, 2.5}) // the call at 3 is skipped: 4.5 is late
	lc.Stop()
	// Output:
	// tick at 0
	// tick at 1
	// tick at 2
	// tick at 4.5
	// stopped
}

func ExampleNewLoopingCallWithCount() {
	clock := task.NewClock()
	lc := task.NewLoopingCallWithCount(func(count int) (any, error) {
		fmt.Printf("at %v: %d frame(s)\n", clock.Seconds(), count)
		return nil, nil
	})
	lc.Clock = clock
	lc.Start(0.5, false)
	clock.Pump([]float64{0.5, 1.6, 0.4})
	lc.Stop()
	// Output:
	// at 0.5: 1 frame(s)
	// at 2.1: 3 frame(s)
	// at 2.5: 1 frame(s)
}

func ExampleDeferLater() {
	clock := task.NewClock()
	d := task.DeferLater(clock, 3, func() (any, error) { return "done", nil })
	d.AddCallback(func(result any) (any, error) {
		fmt.Println(result, "at", clock.Seconds())
		return nil, nil
	})
	clock.Advance(2)
	fmt.Println("waiting at", clock.Seconds())
	clock.Advance(1)
	// Output:
	// waiting at 2
	// done at 3
}

// count yields the numbers from 0 to n-1, as a Python generator would.
func count(name string, n int) iter.Seq[any] {
	return func(yield func(any) bool) {
		for i := range n {
			fmt.Println(name, i)
			if !yield(i) {
				return
			}
		}
	}
}

func ExampleCooperator() {
	clock := task.NewClock()
	// Each step does one unit of work, so the tasks interleave.
	c := task.NewCooperator(task.WithClock(clock), task.WithTerminationPredicateFactory(func() func() bool {
		return func() bool { return true }
	}))
	a := c.Coiterate(task.FromSeq(count("a", 2)))
	b := c.Coiterate(task.FromSeq(count("b", 2)))
	deferred.GatherResults([]*deferred.Deferred{a, b}).AddCallback(func(any) (any, error) {
		fmt.Println("both done")
		return nil, nil
	})
	for range 6 {
		clock.Advance(1)
	}
	// Output:
	// a 0
	// b 0
	// a 1
	// b 1
	// both done
}

func ExampleCooperativeTask_Pause() {
	clock := task.NewClock()
	c := task.NewCooperator(task.WithClock(clock))
	t := c.Cooperate(task.FromSeq(count("work", 3)))
	t.Pause()
	clock.Advance(1)
	fmt.Println("paused")
	t.Resume()
	clock.Advance(1)
	// Output:
	// paused
	// work 0
	// work 1
	// work 2
}

func ExampleReact() {
	r := reactor.New()
	code := task.React(func(r task.Reactor) *deferred.Deferred {
		return task.DeferLater(r, 0.01, func() (any, error) {
			fmt.Println("main done")
			return nil, nil
		})
	}, r)
	fmt.Println("exit status", code) // a program would os.Exit(code)
	// Output:
	// main done
	// exit status 0
}

// A task that yields Deferreds runs one asynchronous operation after
// another: the Cooperator waits for each Deferred before the next step.
func ExampleCooperator_Coiterate() {
	clock := task.NewClock()
	c := task.NewCooperator(task.WithClock(clock))
	fetch := func(name string, seconds float64) *deferred.Deferred {
		return task.DeferLater(clock, seconds, func() (any, error) {
			fmt.Printf("%s fetched at %v\n", name, clock.Seconds())
			return nil, nil
		})
	}
	serial := task.FromSeq(func(yield func(any) bool) {
		for _, name := range []string{"a", "b", "c"} {
			if !yield(fetch(name, 1)) {
				return
			}
		}
	})
	c.Coiterate(serial).AddCallback(func(any) (any, error) {
		fmt.Println("all fetched at", clock.Seconds())
		return nil, nil
	})
	for range 10 {
		clock.Advance(0.5)
	}
	// Each step comes at the first Advance after the previous fetch:
	//
	// Output:
	// a fetched at 1.5
	// b fetched at 3
	// c fetched at 4.5
	// all fetched at 5
}
