package flow_test

import (
	"fmt"
	"strings"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// writers are flows that write without reading the connection, each
// counting its steps in *steps and ending after 300 (a flow the pause
// does not stop would write all of it at once).
var writers = map[string]func(conn *flow.Protocol, steps *int) any{
	// results, never suspending: the protocol writes them
	"results": func(conn *flow.Protocol, steps *int) any {
		return flow.Generator(func(yield func(any) bool) error {
			for ; *steps < 300; *steps++ {
				if !yield(fmt.Sprintf("%d;", *steps)) {
					return nil
				}
			}
			return nil
		})
	},
	// results through a Map (push mode's fused chain)
	"map": func(conn *flow.Protocol, steps *int) any {
		return flow.Map(func(args ...any) (any, error) { return args[0].(string) + ";", nil },
			flow.Generator(func(yield func(any) bool) error {
				for ; *steps < 300; *steps++ {
					if !yield(fmt.Sprint(*steps)) {
						return nil
					}
				}
				return nil
			}))
	},
	// its own writes, a Cooperate after each
	"write-cooperate": func(conn *flow.Protocol, steps *int) any {
		return flow.Generator(func(yield func(any) bool) error {
			for ; *steps < 300; *steps++ {
				conn.Write(fmt.Sprintf("%d;", *steps))
				if !yield(flow.Cooperate(0)) {
					return nil
				}
			}
			return nil
		})
	},
}

// A flow that writes without reading stops while its transport is paused
// (more than it can hold waits to be sent): the flow waits, whatever it
// waits on meanwhile (a Cooperate's wake-up waits too), until the
// transport drains; then it goes on where it stopped. The transport never
// holds more than its limit and one step's writes, and every byte comes
// out, in order. Push mode and pull mode alike.
func TestProtocolPauseStopsWriter(t *testing.T) {
	const limit = 40
	for name, writer := range writers {
		for _, pull := range []bool{false, true} {
			steps := 0
			clock := reactor.NewClock()
			p := flow.MakeProtocolOn(clock, func(conn *flow.Protocol) any {
				if pull {
					return pulled{flow.Wrap(writer(conn, &steps))}
				}
				return writer(conn, &steps)
			})()
			tr := &traceTransport{l: &logger{}, limit: limit}
			protocol.MakeConnection(p, tr)
			clock.Advance(0)
			assert.Assert(t, tr.full, "%s (pull %v): never paused; %d steps", name, pull, steps)
			assert.Equal(t, tr.ProducerState(), protohelpers.Paused, "%s (pull %v): reading not paused", name, pull)
			stopped := steps
			for range 5 {
				clock.Advance(1)
			}
			assert.Equal(t, steps, stopped, "%s (pull %v): the flow ran while paused", name, pull)
			drains := 0
			for ; steps < 300 && drains < 1000; drains++ {
				tr.drain()
				clock.Advance(0)
			}
			tr.drain()
			clock.Advance(0)
			assert.Assert(t, tr.Disconnecting, "%s (pull %v): the flow did not end", name, pull)
			var want strings.Builder
			for i := range 300 {
				fmt.Fprintf(&want, "%d;", i)
			}
			assert.Equal(t, string(tr.Value()), want.String(), "%s (pull %v)", name, pull)
			assert.Assert(t, tr.peak <= limit+4, "%s (pull %v): %d bytes unsent at once", name, pull, tr.peak)
			assert.Assert(t, drains > 300*3/(limit+4), "%s (pull %v): %d drains", name, pull, drains)
			noCallsLeft(t, clock)
		}
	}
}

// The connection lost while the flow waits for its transport to drain
// ends the flow: it reads the end (or the failure) as it would have.
func TestProtocolLostWhilePaused(t *testing.T) {
	for _, pull := range []bool{false, true} {
		l := &logger{}
		runProtocolFlow(l, protocolFlows["gen-lines"], []protoEvent{data("a\nb\nc\n"), {kind: "other"}}, 1, pull)
		got := strings.Join(l.lines, "\n")
		want := strings.Join([]string{
			`data "a\nb\nc\n"`,
			`gen: line "a"`,
			`writeSequence ["a!"]`,
			`transport full`,
			`connection lost: ValueError`,
			`gen: line "b"`,
			`writeSequence ["b!"]`,
			`gen: line "c"`,
			`writeSequence ["c!"]`,
			`gen: ValueError`,
			`gen: closed`,
			`logged: Unhandled Error: ValueError: other`,
			`done`,
		}, "\n")
		if got != want {
			t.Errorf("pull %v:\n%s", pull, lineDiff(want, got))
		}
	}
}
