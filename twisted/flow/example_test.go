package flow_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The outputs below are those of testdata/python/examples.py, the
// original's docstring and howto examples run by Python 2.7.

// printFlow is the docstrings' printFlow, run on a Clock in place of the
// reactor.
func printFlow(clock *reactor.Clock, source any) {
	printer := func(source any) flow.Generator {
		return func(yield func(any) bool) error {
			src := flow.Wrap(source)
			for {
				if !yield(src) {
					return nil
				}
				v, err := src.Next()
				if err != nil {
					return err
				}
				fmt.Println(twisted.Str(v))
			}
		}
	}
	d := flow.DeferredOn(clock, printer(source))
	for !d.Called() {
		clock.Advance(0.5)
	}
}

// The package example: a printer consuming a source with a pause.
func Example() {
	clock := reactor.NewClock()
	printFlow(clock, []any{"one", flow.Cooperate(1), "two"})
	// Output:
	// one
	// two
}

// The ways in which objects are wrapped to behave in a cooperative manner.
func ExampleWrap() {
	clock := reactor.NewClock()
	printFlow(clock, "string")
	printFlow(clock, []any{"one", flow.Cooperate(1), "two"})
	source := func() flow.Generator {
		return func(yield func(any) bool) error {
			_ = yield("aeye") && yield(flow.Cooperate(0)) && yield("capin")
			return nil
		}
	}
	printFlow(clock, source)
	d := deferred.New()
	clock.CallLater(1, func() { d.Callback("howdy") })
	printFlow(clock, d)
	// Output:
	// string
	// one
	// two
	// aeye
	// capin
	// howdy
}

func ExampleMap() {
	fn := func(args ...any) (any, error) {
		return args[0].(int) + 10, nil
	}
	printFlow(reactor.NewClock(), flow.Map(fn, []int{0, 1, 2, 3}))
	// Output:
	// 10
	// 11
	// 12
	// 13
}

func ExampleZip() {
	printFlow(reactor.NewClock(), flow.Zip([]any{1, flow.Cooperate(0), 2, 3}, []any{"one", "two"}))
	// Output:
	// (1, 'one')
	// (2, 'two')
	// (3, None)
}

func ExampleFilter() {
	odd := func(val any) (bool, error) {
		return val.(int)%2 != 0, nil
	}
	rng := func() flow.Generator {
		return func(yield func(any) bool) error {
			_ = yield(1) && yield(2) && yield(3) && yield(4)
			return nil
		}
	}
	printFlow(reactor.NewClock(), flow.Filter(odd, rng))
	// Output:
	// 1
	// 3
}

func ExampleCallback() {
	clock := reactor.NewClock()
	source := flow.Callback()
	clock.CallLater(0, func() { source.Result("one") })
	clock.CallLater(.5, func() { source.Result("two") })
	clock.CallLater(1, source.Finish)
	printFlow(clock, source)
	// Output:
	// one
	// two
}

// The howto's "Introducing Flow": before each value pulled from a stage,
// the generator yields the stage.
func ExampleBlock() {
	counter := func(count int) flow.Generator {
		return func(yield func(any) bool) error {
			for count > 0 {
				if !yield(count) {
					return nil
				}
				count--
			}
			return nil
		}
	}
	consumer := func() flow.Generator {
		return func(yield func(any) bool) error {
			producer := flow.Wrap(counter(3))
			if !yield(producer) {
				return nil
			}
			for {
				result, err := producer.Next()
				if err != nil {
					return err
				}
				if result != 2 && !yield(result) {
					return nil
				}
				if !yield(producer) {
					return nil
				}
			}
		}
	}
	fmt.Println(flow.Block(consumer).List())
	// Output:
	// [3 1] <nil>
}

// The howto's "Cooperate": Block sleeps through a Cooperate (here its
// Sleep is replaced, so that the example does not wait).
func ExampleBlockStage_All() {
	gen := func() flow.Generator {
		return func(yield func(any) bool) error {
			_ = yield("immediate") && yield(flow.Cooperate(2)) && yield("delayed")
			return nil
		}
	}
	b := flow.Block(gen)
	b.Sleep = func(float64) {}
	for x, err := range b.All() {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(x)
	}
	// Output:
	// immediate
	// delayed
}

// The howto's "Handling failures": expected failures are listed in Wrap's
// traps and come back as their class; others are returned by Next.
func Example_handlingFailures() {
	producer := func(throw error) flow.Generator {
		return func(yield func(any) bool) error {
			if !yield(1) || !yield(2) {
				return nil
			}
			return throw
		}
	}
	consumer := func(producer any) flow.Generator {
		return func(yield func(any) bool) error {
			src := flow.Wrap(producer, twisted.IOError)
			if !yield(src) {
				return nil
			}
			for {
				result, err := src.Next()
				if errors.Is(err, twisted.AssertionError) {
					yield(twisted.Str(err.(*twisted.Failure).Value))
					return nil
				}
				if err != nil {
					return err
				}
				if result == twisted.IOError {
					result = "trapped" // handle trapped error
				}
				if !yield(result) || !yield(src) {
					return nil
				}
			}
		}
	}
	fmt.Println(twisted.Repr(must(flow.Block(consumer(producer(twisted.IOError.New("trap")))).List())))
	fmt.Println(twisted.Repr(must(flow.Block(consumer(producer(twisted.AssertionError.New("notrap")))).List())))
	// Output:
	// [1, 2, 'trapped']
	// [1, 2, 'notrap']
}

func must(v []any, err error) []any {
	if err != nil {
		panic(err)
	}
	return v
}

// The howto's "Merge and Zip": Merge rotates between the streams that are
// available, Zip waits for a result from each.
func ExampleMerge() {
	right := func() flow.Generator {
		return func(yield func(any) bool) error {
			_ = yield("one") && yield("two") && yield(flow.Cooperate(0)) && yield("three")
			return nil
		}
	}
	left := func() flow.Generator {
		return func(yield func(any) bool) error {
			_ = yield(1) && yield(2) && yield(3)
			return nil
		}
	}
	zip, _ := flow.Block(flow.Zip(right, left)).List()
	merge, _ := flow.Block(flow.Merge(right, left)).List()
	fmt.Println("Zip", twisted.Repr(zip))
	fmt.Println("Merge", twisted.Repr(merge))
	// Output:
	// Zip [('one', 1), ('two', 2), ('three', 3)]
	// Merge ['one', 1, 'two', 2, 3, 'three']
}

// The howto's "Deferred Flow": two requests interleave their steps.
func ExampleDeferredOn() {
	clock := reactor.NewClock()
	request := func(name string) flow.Generator {
		return func(yield func(any) bool) error {
			fmt.Println(name, ": Step One")
			if !yield(flow.Cooperate(0)) {
				return nil
			}
			fmt.Println(name, ": Step Two")
			return nil
		}
	}
	james := flow.DeferredOn(clock, request("James"))
	wendy := flow.DeferredOn(clock, request("Wendy"))
	for !james.Called() || !wendy.Called() {
		clock.Advance(0)
	}
	fmt.Println("done")
	// Output:
	// James : Step One
	// Wendy : Step One
	// James : Step Two
	// Wendy : Step Two
	// done
}

func ExampleLineBreak() {
	rhs := []any{"Hello ", "World\nHappy", flow.Cooperate(0), " Days", " Are Here\n"}
	lines, err := flow.Block(flow.LineBreak(rhs, flow.LineBreakOptions{Delimiter: "\n"})).List()
	fmt.Println(twisted.Repr(lines), err)
	// Output:
	// ['Hello World', 'Happy Days Are Here'] <nil>
}

// test_flow.py's testConcurrentCallback: two producers push results, and
// the consumer takes them from whichever branch has some.
func ExampleConcurrent() {
	type named struct {
		*flow.CallbackStage
		name string
	}
	ca, cb := named{flow.Callback(), "a"}, named{flow.Callback(), "b"}
	testconcur := func(stages ...any) flow.Generator {
		return func(yield func(any) bool) error {
			both := flow.Concurrent(stages...)
			if !yield(both) {
				return nil
			}
			for {
				v, err := both.Next()
				if err != nil {
					return err
				}
				stage := v.(named)
				r, err := stage.Next()
				if err != nil {
					return err
				}
				if !yield(twisted.Tuple{stage.name, r}) || !yield(both) {
					return nil
				}
			}
		}
	}
	d := flow.DeferredOn(reactor.NewClock(), testconcur(ca, cb))
	d.AddCallback(func(res any) (any, error) {
		fmt.Println(twisted.Repr(res))
		return nil, nil
	})
	ca.Result(1)
	cb.Result(2)
	ca.Result(3)
	ca.Result(4)
	ca.Finish()
	cb.Result(5)
	cb.Finish()
	// Output:
	// [('a', 1), ('b', 2), ('a', 3), ('a', 4), ('b', 5)]
}

// test_flow.py's testThreaded: a blocking iterator runs in the reactor's
// thread pool, and its results reach the flow on the reactor.
func ExampleThreadedOn() {
	r := reactor.New()
	countIterator := func(count int) flow.Generator {
		return func(yield func(any) bool) error {
			for ; count > 0; count-- {
				// time.Sleep(100 * time.Millisecond): a blocking call
				if !yield(count) {
					return nil
				}
			}
			return nil
		}
	}
	r.CallWhenRunning(func() {
		d := flow.DeferredOn(r, flow.ThreadedOn(r, countIterator(5)))
		d.AddBoth(func(res any) (any, error) {
			fmt.Println(twisted.Repr(res))
			return nil, r.Stop()
		})
	})
	r.Run()
	// Output:
	// [5, 4, 3, 2, 1]
}

// Cancelling the controller's Deferred stops the flow: the generator is
// closed (its deferred calls run) and its pending Cooperate is cancelled.
func ExampleDeferredOn_cancel() {
	clock := reactor.NewClock()
	gen := func(yield func(any) bool) error {
		defer fmt.Println("generator closed")
		for i := 0; ; i++ {
			if !yield(i) || !yield(flow.Cooperate(1)) {
				return nil
			}
		}
	}
	d := flow.DeferredOn(clock, flow.Generator(gen))
	d.AddErrback(func(f *twisted.Failure) (any, error) {
		fmt.Println("flow:", f.Type.Name())
		return nil, nil
	})
	clock.Advance(1)
	d.Cancel()
	fmt.Println("pending calls:", len(clock.GetDelayedCalls()))
	// Output:
	// generator closed
	// flow: CancelledError
	// pending calls: 0
}

// A flow tied to a context: once the context is done (a request given up,
// a server shutting down), the flow is cancelled on the reactor.
func ExampleDeferredContext() {
	r := reactor.New()
	ctx, cancel := context.WithCancel(context.Background())
	ticker := func(yield func(any) bool) error {
		defer fmt.Println("ticker closed")
		for i := 0; ; i++ {
			if i == 3 {
				cancel() // from anywhere: another goroutine would do
			}
			if !yield(i) || !yield(flow.Cooperate(0.01)) {
				return nil
			}
		}
	}
	r.CallWhenRunning(func() {
		d := flow.DeferredContext(ctx, r, flow.Generator(ticker))
		d.AddBoth(func(res any) (any, error) {
			fmt.Println("flow:", res.(*twisted.Failure).Type.Name())
			return nil, r.Stop()
		})
	})
	r.Run()
	// Output:
	// ticker closed
	// flow: CancelledError
}
