package flow_test

import (
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// A flow protocol whose chain (Map over LineBreak over the connection, or
// over a generator reading it) waits for the rest of a line when the
// reactor stops, from outside the flow or from a Map function inside it,
// is closed: its generator's yield returns false and its deferred calls
// run, the connection is lost, and nothing is left behind. Push mode and
// pull mode alike.
func TestStopClosesFlowProtocolChain(t *testing.T) {
	for _, inside := range []bool{false, true} {
		for _, pull := range []bool{false, true} {
			leakcheck.Check(t)
			r := newStopReactor()
			var got []string
			closed, stopped := false, false
			var tr *protoTransport
			r.CallWhenRunning(func() {
				p := flow.MakeProtocolOn(r, func(conn *flow.Protocol) any {
					fn := func(args ...any) (any, error) {
						s := twisted.Str(args[0])
						got = append(got, s)
						if s == "stop" {
							assert.NilError(t, r.Stop())
						}
						return s + ";", nil
					}
					src := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
					gen := flow.Generator(func(yield func(any) bool) error {
						defer func() { closed = true }()
						for yield(src) {
							v, err := src.Next()
							if err != nil {
								return err
							}
							if !yield(v) {
								stopped = true
								return nil
							}
						}
						stopped = true
						return nil
					})
					var s flow.Stage = flow.Map(fn, gen)
					if pull {
						s = pulled{flow.Wrap(s)}
					}
					return s
				})()
				tr = connect(p)
				if inside {
					p.DataReceived([]byte("a\nstop\nb"))
				} else {
					p.DataReceived([]byte("a\nb"))
					assert.NilError(t, r.Stop())
				}
			})
			runBounded(t, r)
			want := []string{"a"}
			if inside {
				want = []string{"a", "stop"}
			}
			assert.DeepEqual(t, got, want)
			assert.Assert(t, closed && stopped, "inside %v, pull %v: the generator was not closed (closed %v, stopped %v)", inside, pull, closed, stopped)
			assert.Assert(t, tr.lost, "inside %v, pull %v: the connection was not lost", inside, pull)
		}
	}
}
