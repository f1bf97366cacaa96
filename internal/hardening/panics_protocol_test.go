package hardening

import (
	"bytes"
	"log/slog"
	"net"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// closingTransport is a transport that records writes and closing.
type closingTransport struct {
	written []string
	lost    bool
}

func (t *closingTransport) Write(data []byte) { t.written = append(t.written, string(data)) }
func (t *closingTransport) WriteSequence(data [][]byte) {
	for _, d := range data {
		t.Write(d)
	}
}
func (t *closingTransport) LoseConnection()   { t.lost = true }
func (t *closingTransport) AbortConnection()  { t.lost = true }
func (t *closingTransport) GetPeer() net.Addr { return nil }
func (t *closingTransport) GetHost() net.Addr { return nil }

// A flow protocol's controller panicking, when it is called or inside its
// generator: the original's controller raises out of _execute into the
// reactor, which logs it (and the original closes the connection first).
// Here the connection is closed and the failure logged, once, as an
// unhandled error on the protocol's reactor; the data written before the
// panic stays written, and the protocol takes later events quietly.
func TestPanicInFlowProtocolController(t *testing.T) {
	cases := map[string]func(conn *flow.Protocol) flow.Generator{
		"controller function": func(conn *flow.Protocol) flow.Generator {
			conn.Write("hello")
			panic(boom)
		},
		"controller generator": func(conn *flow.Protocol) flow.Generator {
			return func(yield func(any) bool) error {
				conn.Write("hello")
				if !yield(conn) {
					return nil
				}
				panic(boom)
			}
		},
	}
	for name, controller := range cases {
		t.Run(name, func(t *testing.T) {
			var log bytes.Buffer
			r := reactor.New()
			r.Logger = slog.New(slog.NewTextHandler(&log, nil))
			p := flow.MakeProtocolOn(r, controller)()
			tr := &closingTransport{}
			protocol.MakeConnection(p, tr)
			p.DataReceived([]byte("data"))
			assert.Assert(t, tr.lost, "the connection is closed")
			assert.DeepEqual(t, tr.written, []string{"hello"})
			assert.Equal(t, bytes.Count(log.Bytes(), []byte("Unhandled Error")), 1)
			assert.Assert(t, is.Contains(log.String(), "KeyError"))
			assert.Assert(t, is.Contains(log.String(), "boom"))
			p.DataReceived([]byte("more"))
			p.ConnectionLost(reactor.ConnectionDoneFailure())
			assert.Equal(t, bytes.Count(log.Bytes(), []byte("Unhandled Error")), 1)
		})
	}
}
