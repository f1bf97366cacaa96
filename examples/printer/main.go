// Command printer is the README's taste of a ported flow: the flow module's first
// example, a printer consuming a source that cooperates for a second.
package main

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// printer ports
//
//	def printer(source):
//	    source = flow.wrap(source)
//	    while True:
//	        yield source
//	        print source.next()
func printer(source any) flow.Generator {
	return func(yield func(any) bool) error {
		source := flow.Wrap(source)
		for {
			if !yield(source) {
				return nil
			}
			v, err := source.Next() // StopIteration ends the generator
			if err != nil {
				return err
			}
			fmt.Println(v)
		}
	}
}

func main() {
	d := flow.Deferred(printer([]any{"one", flow.Cooperate(1), "two"}))
	d.AddCallback(func(any) (any, error) { return nil, reactor.Default().Stop() })
	reactor.Default().Run()
}
