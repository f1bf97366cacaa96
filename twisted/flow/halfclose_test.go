package flow_test

import (
	"strings"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/protohelpers"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The HalfCloseable option builds a half-closeable protocol, of
// MakeProtocolWithBase too; without it, neither is, nor is NewProtocol's
// whatever its options.
func TestHalfCloseableOnlyWithOption(t *testing.T) {
	base := func(conn *flow.Protocol) protocol.IProtocol { return &protocol.Protocol{} }
	isHalfCloseable := func(p protocol.IProtocol) bool {
		_, ok := p.(protocol.IHalfCloseableProtocol)
		return ok
	}
	assert.Assert(t, !isHalfCloseable(flow.MakeProtocol(nil)()))
	assert.Assert(t, !isHalfCloseable(flow.MakeProtocolWithBase(nil, base)()))
	assert.Assert(t, !isHalfCloseable(flow.NewProtocol(flow.HalfCloseable())))
	assert.Assert(t, isHalfCloseable(flow.MakeProtocol(nil, flow.HalfCloseable())()))
	assert.Assert(t, isHalfCloseable(flow.MakeProtocolWithBase(nil, base, flow.HalfCloseable())()))
	assert.Assert(t, isHalfCloseable(flow.HalfCloseableProtocol{Protocol: flow.NewProtocol()}))
}

// On a transport without half-close (a StringTransport, which is no
// ITCPTransport: ReadConnectionLost never comes), the option changes
// nothing: every flow, fed every sequence of events, makes the same
// calls and writes as without it.
func TestHalfCloseableHarmlessWithoutHalfClose(t *testing.T) {
	var tr protocol.ITransport = &protohelpers.StringTransport{}
	_, isTCP := tr.(protocol.ITCPTransport)
	assert.Assert(t, !isTCP)
	for fname, build := range protocolFlows {
		for ename, events := range protocolEvents {
			for _, limit := range []int{0, 1, 6} {
				plain, half := &logger{}, &logger{}
				runProtocolFlow(plain, build, events, limit, false)
				runProtocolFlow(half, build, events, limit, false, flow.HalfCloseable())
				got, want := strings.Join(half.lines, "\n"), strings.Join(plain.lines, "\n")
				if got != want {
					t.Errorf("%s, %s (limit %d): the option changes the flow:\n%s", fname, ename, limit, lineDiff(want, got))
				}
			}
		}
	}
}

// halfCloseEvents end with the peer's half-close, while the flow is
// paused (limit 1), waits for data, a Cooperate or a Deferred, or has
// ended; the connection is lost (ConnectionDone) after them.
var halfCloseEvents = map[string][]protoEvent{
	"lines":     {data("a\nb"), data("\nw\nc"), advance(1), data("oop\nskip\nd\n"), data("tail"), {kind: "halfclose"}, drainEvent, drainEvent, drainEvent},
	"paused":    {data("a\nb\nc\n"), {kind: "halfclose"}, drainEvent, drainEvent, drainEvent, drainEvent},
	"now":       {data("a\nb\nc\n"), {kind: "halfclose-now"}, drainEvent, drainEvent, drainEvent, drainEvent},
	"twice":     {data("a\n"), {kind: "halfclose-now"}, drainEvent, {kind: "halfclose-now"}, drainEvent},
	"cooperate": {data("coop\nx\n"), {kind: "halfclose"}, drainEvent, advance(1), drainEvent, drainEvent},
	"wait":      {data("wait\nx\n"), {kind: "halfclose"}, drainEvent, advance(1), drainEvent, drainEvent},
	"fails":     {data("a\n13\nb\n"), {kind: "halfclose-now"}, drainEvent},
	"quits":     {data("a\nquit\nb\n"), {kind: "halfclose-now"}, drainEvent},
	"endless":   {{kind: "halfclose-now"}, advance(1), drainEvent, advance(1), drainEvent, advance(1), drainEvent, advance(1), drainEvent},
}

// Every flow, half-closed at any point, makes the same calls and writes
// in push mode as in pull mode.
func TestHalfClosePushEqualsPull(t *testing.T) {
	for fname, build := range protocolFlows {
		for ename, events := range halfCloseEvents {
			for _, limit := range []int{0, 1, 6} {
				push, pull := &logger{}, &logger{}
				runProtocolFlow(push, build, events, limit, false, flow.HalfCloseable())
				runProtocolFlow(pull, build, events, limit, true, flow.HalfCloseable())
				got, want := strings.Join(push.lines, "\n"), strings.Join(pull.lines, "\n")
				if got != want {
					t.Errorf("%s, %s (limit %d): push and pull differ:\n%s", fname, ename, limit, lineDiff(want, got))
				}
			}
		}
	}
}

// The half-close of a peer that sent three lines, while the flow is
// paused (its transport is full after each line's answer): the flow
// answers every line as its transport drains, reads the end, and closes
// the connection; only then is the connection lost. Held while the
// transport does not read (as the reactor holds it), the half-close comes
// once the flow waits for data again; at once, it waits for the flow's
// turn: either way the flow does not run while paused.
func TestHalfCloseWhilePaused(t *testing.T) {
	answers := []string{
		`data "a\nb\nc\n"`,
		`gen: line "a"`,
		`writeSequence ["a!"]`,
		`transport full`,
	}
	for _, c := range []struct {
		kind string
		want []string
	}{
		{"halfclose", append(answers[:4:4],
			`drain`,
			`gen: line "b"`,
			`writeSequence ["b!"]`,
			`transport full`,
			`drain`,
			`gen: line "c"`,
			`writeSequence ["c!"]`,
			`transport full`,
			`drain`,
			`half-close`,
			`gen: StopIteration`,
			`gen: closed`,
			`loseConnection`,
			`connection lost`,
			`done`,
		)},
		{"halfclose-now", append(answers[:4:4],
			`half-close`,
			`drain`,
			`gen: line "b"`,
			`writeSequence ["b!"]`,
			`transport full`,
			`drain`,
			`gen: line "c"`,
			`writeSequence ["c!"]`,
			`transport full`,
			`drain`,
			`gen: StopIteration`,
			`gen: closed`,
			`loseConnection`,
			`connection lost`,
			`done`,
		)},
	} {
		for _, pull := range []bool{false, true} {
			l := &logger{}
			events := []protoEvent{data("a\nb\nc\n"), {kind: c.kind}, drainEvent, drainEvent, drainEvent}
			runProtocolFlow(l, protocolFlows["gen-lines"], events, 1, pull, flow.HalfCloseable())
			got, want := strings.Join(l.lines, "\n"), strings.Join(c.want, "\n")
			if got != want {
				t.Errorf("%s (pull %v):\n%s", c.kind, pull, lineDiff(want, got))
			}
		}
	}
}

// After the half-close has ended the stage, the loss of the connection
// (a reset, which without it would be the stage's failure: the options
// make it one) does not change the stage: the flow, paused when the peer
// half-closed, is stopped waiting for its transport (which will send
// nothing more), goes on, and reads the end the half-close gave it, not
// the reset; nothing is logged.
func TestHalfCloseThenLost(t *testing.T) {
	l := &logger{}
	events := []protoEvent{data("a\nb\nc\n"), {kind: "halfclose-now"}, {kind: "lost"}}
	runProtocolFlow(l, protocolFlows["gen-lines"], events, 1, false,
		flow.HalfCloseable(), flow.FinishOnConnectionLost(false))
	want := []string{
		`data "a\nb\nc\n"`,
		`gen: line "a"`,
		`writeSequence ["a!"]`,
		`transport full`,
		`half-close`,
		`connection lost: ConnectionLost`,
		`gen: line "b"`,
		`writeSequence ["b!"]`,
		`gen: line "c"`,
		`writeSequence ["c!"]`,
		`gen: StopIteration`,
		`gen: closed`,
		`done`,
	}
	got := strings.Join(l.lines, "\n")
	if got != strings.Join(want, "\n") {
		t.Error(lineDiff(strings.Join(want, "\n"), got))
	}
}

// A MakeProtocolWithBase protocol with the option: the base's items feed
// the flow, and the half-close ends them (the base's own
// ConnectionLost and half-close methods are not called, as the flow
// protocol's ConnectionLost takes the place of the base's).
func TestHalfCloseWithBase(t *testing.T) {
	var got []string
	controller := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			for yield(conn) {
				v, err := conn.Next()
				if err != nil {
					got = append(got, "end")
					return err
				}
				got = append(got, v.(string))
				conn.Write(v)
			}
			return nil
		}
	}
	base := func(conn *flow.Protocol) protocol.IProtocol { return &upperFeeder{conn: conn} }
	p := flow.MakeProtocolWithBaseOn(reactor.NewClock(), controller, base, flow.HalfCloseable())()
	tr := &protohelpers.StringTransport{}
	protocol.MakeConnection(p, tr)
	p.DataReceived([]byte("ab"))
	p.(protocol.IHalfCloseableProtocol).ReadConnectionLost()
	assert.DeepEqual(t, got, []string{"AB", "end"})
	assert.Equal(t, string(tr.Value()), "AB")
	assert.Assert(t, tr.Disconnecting)
}

// upperFeeder is a base protocol that feeds its flow the data it
// receives, in upper case.
type upperFeeder struct {
	protocol.Protocol
	conn *flow.Protocol
}

func (u *upperFeeder) DataReceived(data []byte) { u.conn.Result(strings.ToUpper(string(data))) }
