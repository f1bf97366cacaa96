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

// drainingTransport is a traceTransport that drains, once it has paused
// its producer, at a chosen point of the flow's step (when), so that the
// resume meets the flow before, while and after it settles down to wait.
type drainingTransport struct {
	traceTransport
	clock  *reactor.Clock
	when   string
	pauses int
}

func (t *drainingTransport) Write(b []byte) {
	t.traceTransport.Write(b)
	t.afterWrite()
}

func (t *drainingTransport) WriteSequence(seq [][]byte) {
	t.traceTransport.WriteSequence(seq)
	t.afterWrite()
}

func (t *drainingTransport) afterWrite() {
	if !t.full {
		return
	}
	t.pauses++
	switch t.when {
	case "inside": // inside the write that paused: before the flow waits
		t.drain()
	case "inside-twice": // resumed, paused and resumed again inside it
		t.drain()
		t.full = true
		t.Producer.(protocol.IPushProducer).PauseProducing()
		t.drain()
	case "next-turn": // on the clock's next turn, beside a Cooperate(0)'s wake-up
		t.clock.CallLater(0, t.drain)
	case "later": // after the flow has waited through other wake-ups
		t.clock.CallLater(2.5, t.drain)
	}
}

// However its transport's resume meets a paused flow (inside the write
// that paused it, before the flow has recorded its wait; paused and
// resumed again inside that write; on the next turn of the clock, beside
// a Cooperate's wake-up scheduled before or after it; later, after other
// wake-ups found the flow waiting), no resume is lost: the flow goes
// through all of its steps, writes everything in order, ends, and leaves
// its transport reading and no call pending. Push and pull mode.
func TestProtocolDrainInterleavings(t *testing.T) {
	var want strings.Builder
	for i := range 300 {
		fmt.Fprintf(&want, "%d;", i)
	}
	for _, when := range []string{"inside", "inside-twice", "next-turn", "later"} {
		for name, writer := range writers {
			for _, pull := range []bool{false, true} {
				label := fmt.Sprintf("%s, %s (pull %v)", when, name, pull)
				steps := 0
				clock := reactor.NewClock()
				p := flow.MakeProtocolOn(clock, func(conn *flow.Protocol) any {
					if pull {
						return pulled{flow.Wrap(writer(conn, &steps))}
					}
					return writer(conn, &steps)
				})()
				tr := &drainingTransport{traceTransport: traceTransport{l: &logger{}, limit: 40}, clock: clock, when: when}
				protocol.MakeConnection(p, tr)
				for i := 0; i < 10000 && !tr.Disconnecting; i++ {
					clock.Advance(0.5)
				}
				assert.Assert(t, tr.pauses > 0, "%s: never paused", label)
				assert.Equal(t, steps, 300, "%s: the flow stopped", label)
				assert.Assert(t, tr.Disconnecting, "%s: the flow did not end", label)
				assert.Equal(t, string(tr.Value()), want.String(), label)
				assert.Equal(t, tr.ProducerState(), protohelpers.Producing, "%s: reading left paused", label)
				noCallsLeft(t, clock)
			}
		}
	}
}
