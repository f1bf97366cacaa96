package flow_test

import (
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// closer is a Map function over lines that closes the connection from
// inside the flow: "LOST" loses it at once (ConnectionLost, as a transport
// whose write fails delivers it), "QUIT" asks the transport to close it
// (LoseConnection); the others come back marked.
func (l *logger) closer(conn *flow.Protocol) func(args ...any) (any, error) {
	return func(args ...any) (any, error) {
		s := twisted.Str(args[0])
		l.log("closer %q", s)
		switch s {
		case "LOST":
			conn.Transport.(*traceTransport).lose(conn, reactor.ConnectionLostFailure(nil))
		case "QUIT":
			conn.Transport.LoseConnection()
		}
		return s + ";", nil
	}
}

// closerFlows close the connection from inside (closer).
var closerFlows = map[string]func(l *logger, conn *flow.Protocol) any{
	"closer-map-linebreak": func(l *logger, conn *flow.Protocol) any { return flow.Map(l.closer(conn), lines(conn, true)) },
	"closer-gen-map": func(l *logger, conn *flow.Protocol) any {
		return l.lineGen(conn, flow.Map(l.closer(conn), lines(conn, true)))
	},
}

// The connection closed from inside the flow, while it runs (and while
// its transport is paused), makes the same calls and writes in push mode
// as in pull mode.
func TestProtocolClosedInsidePushEqualsPull(t *testing.T) {
	events := map[string][]protoEvent{
		"lost":           {data("a\nLOST\nb\nc\n"), data("d\n")},
		"lost-drains":    {data("a\nb\nLOST\nc\n"), drainEvent, data("d\n"), drainEvent},
		"quit":           {data("a\nQUIT\nb\n"), data("c\n"), drainEvent},
		"quit-drains":    {data("a\nb\nQUIT\nc\n"), drainEvent, drainEvent, data("d\n"), drainEvent},
		"lost-cooperate": {data("coop\nLOST\nb\n"), advance(1)},
	}
	for fname, build := range closerFlows {
		for ename, evs := range events {
			for _, limit := range []int{0, 1, 6} {
				push, pull := &logger{}, &logger{}
				runProtocolFlow(push, build, evs, limit, false)
				runProtocolFlow(pull, build, evs, limit, true)
				got, want := strings.Join(push.lines, "\n"), strings.Join(pull.lines, "\n")
				if got != want {
					t.Errorf("%s, %s (limit %d): push and pull differ:\n%s", fname, ename, limit, lineDiff(want, got))
				}
			}
		}
	}
}
