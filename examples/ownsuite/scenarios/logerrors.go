package scenarios

import (
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// errors is the Python's errors(source) generator: it waits on the
// source, then yields each ERROR line's message, numbered.
func errors(source any) flow.Generator {
	return func(yield func(any) bool) error {
		src := flow.Wrap(source)
		count := 0
		for {
			if !yield(src) {
				return nil
			}
			line, err := src.Next()
			if err != nil {
				if twisted.ClassOf(err) == twisted.StopIteration {
					return nil // the Python's source.next() ending the generator
				}
				return err
			}
			if msg, ok := strings.CutPrefix(line.(string), "ERROR "); ok {
				count++
				if !yield(twisted.Tuple{count, msg}) {
					return nil
				}
			}
		}
	}
}

func init() {
	Flows.Add(conformance.Scenario{
		Name:   "logErrors",
		Source: "testdata/logErrors.py",
		Origin: conformance.Recorded,
		Run: func(t *conformance.T) {
			chunks := []any{"INFO start\nERR", "OR disk full\nINFO ", flow.Cooperate(0),
				"retry\nERROR gave up\nWARN", " trailing"}

			// trailer=True: the text after the last delimiter is the last line.
			lines := flow.LineBreak(chunks, flow.LineBreakOptions{Delimiter: "\n", Trailer: true})
			for item, err := range flow.Block(errors(lines)).All() {
				if err != nil {
					t.Fatalf("%v", err)
				}
				t.Repr(item)
			}
			all, err := flow.Block(flow.LineBreak(chunks, flow.LineBreakOptions{Delimiter: "\n", Trailer: true})).List()
			if err != nil {
				t.Fatalf("%v", err)
			}
			t.Repr(all)
		},
	})
}
