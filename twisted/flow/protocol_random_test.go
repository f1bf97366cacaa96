package flow_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// randomEvents makes a connection's life at random from the trace tests'
// vocabulary: lines (the special ones of echo, keep and lineGen among
// them) cut into chunks anywhere, the clock advancing, the transport
// draining, and at times a loss of the connection (or, for the closer
// flows, its closing from inside the flow).
func randomEvents(rng *rand.Rand) []protoEvent {
	words := []string{"a", "b", "w", "skip", "coop", "wait", "13", "99", "bad", "boom", "raise", "quit", "spanic", "PANIC", "LOST", "QUIT", "x"}
	var evs []protoEvent
	var text strings.Builder
	for range 1 + rng.IntN(12) {
		text.WriteString(words[rng.IntN(len(words))])
		text.WriteString("\n")
	}
	rest := text.String()
	for len(rest) > 0 {
		n := 1 + rng.IntN(min(len(rest), 9))
		evs = append(evs, data(rest[:n]))
		rest = rest[n:]
		switch rng.IntN(4) {
		case 0:
			evs = append(evs, advance(float64(rng.IntN(3))*0.5))
		case 1:
			evs = append(evs, drainEvent)
		}
	}
	switch rng.IntN(5) {
	case 0:
		evs = append(evs, protoEvent{kind: "lost"})
	case 1:
		evs = append(evs, protoEvent{kind: "other"})
	case 2:
		evs = append(evs, protoEvent{kind: "done"})
	}
	return evs
}

// Push mode and pull mode make the same calls and writes for random
// lives of the connection, every flow of the trace tests, with and
// without a transport that pauses, with and without
// FinishOnConnectionLost.
func TestProtocolPushEqualsPullRandom(t *testing.T) {
	flows := maps.Clone(protocolFlows)
	maps.Copy(flows, closerFlows)
	names := slices.Sorted(maps.Keys(flows))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		evs := randomEvents(rng)
		name := names[i%len(names)]
		limit := []int{0, 1, 3, 8}[rng.IntN(4)]
		push, pull := &logger{}, &logger{}
		var opts []flow.ProtocolOption
		// (Not for a closer flow, whose connection the test loses once
		// more at its end: a second failure would finish a failed stage.)
		if _, closer := closerFlows[name]; !closer && rng.IntN(2) == 0 {
			opts = []flow.ProtocolOption{flow.FinishOnConnectionLost(false), flow.Trap(reactor.ConnectionLost)}
		}
		runProtocolFlow(push, flows[name], evs, limit, false, opts...)
		runProtocolFlow(pull, flows[name], evs, limit, true, opts...)
		got, want := strings.Join(push.lines, "\n"), strings.Join(pull.lines, "\n")
		if got != want {
			t.Fatalf("%s, events %s (limit %d): push and pull differ:\n%s", name, fmt.Sprint(evs), limit, lineDiff(want, got))
		}
	}
}
