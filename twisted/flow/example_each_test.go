package flow_test

import (
	"fmt"
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The howto's printer with Each: the loop yields the source and calls its
// Next each round, and ends with the source.
func ExampleEach() {
	printer := func(source any) flow.Generator {
		return func(yield func(any) bool) error {
			for v, err := range flow.Each(yield, source) {
				if err != nil {
					return err
				}
				fmt.Println(v)
			}
			return nil
		}
	}
	b := flow.Block(printer([]any{"one", flow.Cooperate(1), "two"}))
	b.Sleep = func(float64) {} // no need to wait here
	_, err := b.List()
	fmt.Println(err)
	// Output:
	// one
	// two
	// <nil>
}

// A trapped failure comes as a value, its class; another one as err.
func ExampleEach_failures() {
	source := flow.Generator(func(yield func(any) bool) error {
		yield(1)
		return twisted.IOError.New("disk")
	})
	consumer := flow.Generator(func(yield func(any) bool) error {
		for v, err := range flow.Each(yield, source, twisted.IOError) {
			if err != nil {
				return err
			}
			if v == twisted.IOError {
				fmt.Println("trapped", twisted.IOError.Name())
				continue
			}
			fmt.Println("value", v)
		}
		return nil
	})
	_, err := flow.Block(consumer).List()
	fmt.Println(err)
	// Output:
	// value 1
	// trapped IOError
	// <nil>
}

// Typed values from a Block and inside a generator: no type assertion.
func ExampleTyped() {
	words := flow.Generator(func(yield func(any) bool) error {
		for w, err := range flow.EachOf[string](yield, []any{"spam", "eggs"}) {
			if err != nil {
				return err
			}
			if !yield(len(w)) {
				return nil
			}
		}
		return nil
	})
	total := 0
	for n, err := range flow.Typed[int](flow.Block(words).All()) {
		if err != nil {
			fmt.Println(err)
			return
		}
		total += n
	}
	fmt.Println(total)

	for _, err := range flow.Typed[int](flow.Block([]any{1, "two"}).All()) {
		if err != nil {
			fmt.Println(twisted.ClassOf(err).Name()+":", err)
		}
	}
	// Output:
	// 8
	// TypeError: expected int, got str
}

// A flow.Deferred's results, typed in its callback.
func ExampleResultsOf() {
	clock := reactor.NewClock()
	d := flow.DeferredOn(clock, []any{"one", flow.Cooperate(1), "two"})
	d.AddCallback(func(res any) (any, error) {
		lines, err := flow.ResultsOf[string](res)
		if err != nil {
			return nil, err
		}
		fmt.Println(lines[0] + "+" + lines[1])
		return nil, nil
	})
	clock.Advance(1)
	// Output: one+two
}

// Typed stages: the howto's Filter over Map, typed and unboxed.
func ExampleMapOf() {
	words := flow.Values(slices.Values([]string{"spam", "eggs", "ham"}))
	lengths := flow.MapOf(func(w string) (int, error) { return len(w), nil }, words)
	long := flow.FilterOf(func(n int) (bool, error) { return n > 3, nil }, lengths)
	for n, err := range long.All() {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(n)
	}
	// Output:
	// 4
	// 4
}
