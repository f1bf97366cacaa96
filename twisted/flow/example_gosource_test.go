package flow_test

import (
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A channel as a source: its values as they arrive, until it is closed.
// Under flow.Deferred the reactor goes on while the flow waits.
func ExampleWrap_channel() {
	r := reactor.New()
	r.NoSignalHandlers = true
	numbers := make(chan int)
	r.CallWhenRunning(func() {
		d := flow.DeferredOn(r, flow.Generator(func(yield func(any) bool) error {
			for n, err := range flow.EachOf[int](yield, numbers) {
				if err != nil {
					return err
				}
				if !yield(n * n) {
					return nil
				}
			}
			return nil
		}))
		d.AddBoth(func(res any) (any, error) {
			fmt.Println(res)
			return nil, r.Stop()
		})
		go func() {
			for i := 1; i <= 3; i++ {
				numbers <- i
			}
			close(numbers)
		}()
	})
	_ = r.Run()
	// Output: [1 4 9]
}

// A reader as a source: its lines, each with its newline, as Python's
// iteration of a file.
func ExampleWrap_reader() {
	input := strings.NewReader("spam\neggs\nham")
	for line, err := range flow.Typed[string](flow.Block(input).All()) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%q\n", line)
	}
	// Output:
	// "spam\n"
	// "eggs\n"
	// "ham"
}
