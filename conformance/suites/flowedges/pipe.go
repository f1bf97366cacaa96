package flowedges

import (
	"strings"

	"github.com/twistedflow/twistedflow/twisted/flow"
)

// upper is a Pipe of our own: it upper-cases its source's strings,
// printing each batch it is given.
type upper struct {
	flow.Pipe
	e *edge
}

func newUpper(e *edge, source any) *upper {
	u := &upper{e: e}
	u.Init(u, source)
	return u
}

func (u *upper) Process(results []any, stop bool) error {
	u.e.t.Print("process", results, stop)
	for _, r := range results {
		u.Results = append(u.Results, strings.ToUpper(r.(string)))
	}
	return nil
}

// batches is a Pipe that passes on each non-empty batch of its source's
// results as one value.
type batches struct{ flow.Pipe }

func newBatches(source any) *batches {
	b := &batches{}
	b.Init(b, source)
	return b
}

func (b *batches) Process(results []any, stop bool) error {
	if len(results) > 0 {
		b.Results = append(b.Results, results)
	}
	return nil
}

func init() {
	scenario("pipe.keepsBatches", func(e *edge) {
		e.run(newBatches(newSlowlist(1, 2, 3)))
		e.run(newBatches(flow.Merge([]any{1, 2}, newSlowlist(3, 4))))
	})
	scenario("pipe.custom", func(e *edge) {
		src := []any{"a", "b", flow.Cooperate(0), "c"}
		e.drain(e.block(newUpper(e, src)))
		e.run(newUpper(e, newSlowlist("x", "y")))
	})
}
