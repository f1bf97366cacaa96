package flow_test

import (
	"strings"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A flow Protocol run as a chain (a Map over the connection) whose
// transport delivers at once, inside the write, to a peer that answers
// inside that delivery: the data reaches the chain while it is writing,
// from inside itself. Its results are written as they come, each once and
// in order, as the pull protocol would write them (the wake-up is queued
// for the running chain: scheduler.queue), not run by the chain's Yield
// inside itself, which has no sink to write them to.
func TestProtocolChainSynchronousTransport(t *testing.T) {
	upper := func(args ...any) (any, error) { return strings.ToUpper(args[0].(string)), nil }
	var heard []any
	client := exchangeClient(&heard)
	server := flow.MakeProtocol(func(conn *flow.Protocol) any { return flow.Map(upper, conn) })()
	c := flow.MakeProtocol(client)()
	st, ct := connectSynchronously(server, c)
	assert.DeepEqual(t, heard, []any{"ONE", "TWO", "THREE"})
	assert.DeepEqual(t, st.written, []string{"ONE", "TWO", "THREE"})
	assert.Assert(t, ct.lost)
	assert.Assert(t, !st.lost)
	server.ConnectionLost(reactor.ConnectionDoneFailure())
	assert.Assert(t, !st.lost)
	c.ConnectionLost(reactor.ConnectionDoneFailure())
}

// losingTransport is a protoTransport that loses the connection of its
// protocol inside the write of data equal to loseOn, as a transport whose
// peer resets the connection while it writes.
type losingTransport struct {
	protoTransport
	p      protocol.IProtocol
	loseOn string
}

func (t *losingTransport) WriteSequence(data [][]byte) {
	for _, d := range data {
		t.written = append(t.written, string(d))
		if string(d) == t.loseOn {
			t.p.ConnectionLost(reactor.ConnectionDoneFailure())
		}
	}
}

// A flow Protocol run as a chain whose connection is lost inside the
// write of one of its results: the chain writes the results it has, ends
// there (the connection's end reaches it once the write returns), and
// reads nothing more.
func TestProtocolChainLostInsideWrite(t *testing.T) {
	upper := func(args ...any) (any, error) { return strings.ToUpper(args[0].(string)), nil }
	var mapped []any
	server := flow.MakeProtocol(func(conn *flow.Protocol) any {
		return flow.Map(func(args ...any) (any, error) {
			mapped = append(mapped, args[0])
			return upper(args...)
		}, conn)
	})()
	tr := &losingTransport{p: server, loseOn: "B"}
	protocol.MakeConnection(server, tr)
	server.DataReceived([]byte("a"))
	server.DataReceived([]byte("b"))
	server.DataReceived([]byte("c"))
	assert.DeepEqual(t, tr.written, []string{"A", "B"})
	assert.DeepEqual(t, mapped, []any{"a", "b"})
	assert.Assert(t, !tr.lost)
}
