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

func init() {
	scenario("pipe.custom", func(e *edge) {
		src := []any{"a", "b", flow.Cooperate(0), "c"}
		e.drain(e.block(newUpper(e, src)))
		e.run(newUpper(e, newSlowlist("x", "y")))
	})
}
