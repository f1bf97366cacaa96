package loopback

import (
	"bytes"
	"net"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// Address is the address of both ends of a loopback connection
// (Twisted's _LoopbackAddress): GetHost and GetPeer return it.
type Address struct{}

// Network returns "loopback".
func (Address) Network() string { return "loopback" }

// String returns "loopback".
func (Address) String() string { return "loopback" }

// transport is one side's end of a loopback connection (Twisted's
// _LoopbackTransport): a protocol.ITransport and protocol.IConsumer.
type transport struct {
	q             *queue
	disconnecting bool
	producer      protocol.IProducer
	streaming     bool
}

var (
	_ protocol.ITransport = (*transport)(nil)
	_ protocol.IConsumer  = (*transport)(nil)
)

// Write queues a copy of data for the other side.
func (t *transport) Write(data []byte) { t.q.put(bytes.Clone(data)) }

// WriteSequence queues the concatenation of data, as one write.
func (t *transport) WriteSequence(data [][]byte) { t.q.put(bytes.Join(data, nil)) }

// LoseConnection disconnects once what is queued has been delivered.
func (t *transport) LoseConnection() {
	t.disconnecting = true
	t.q.disconnect = true
	t.q.put(nil)
}

// IsDisconnecting reports whether LoseConnection has been called
// (Twisted's transport.disconnecting).
func (t *transport) IsDisconnecting() bool { return t.disconnecting }

// AbortConnection is LoseConnection, as in Twisted's loopback: the
// queued data is still delivered and both sides get ConnectionDone.
func (t *transport) AbortConnection() { t.LoseConnection() }

// GetPeer returns Address{}.
func (t *transport) GetPeer() net.Addr { return Address{} }

// GetHost returns Address{}.
func (t *transport) GetHost() net.Addr { return Address{} }

// RegisterProducer registers producer; a pull producer (streaming false)
// is asked for data at once and then each time its data has been
// delivered. A push producer is never paused. Registering a second
// producer panics with an AssertionError.
func (t *transport) RegisterProducer(producer protocol.IProducer, streaming bool) {
	if t.producer != nil {
		panic(twisted.AssertionError.New())
	}
	t.producer, t.streaming = producer, streaming
	t.pollProducer()
}

// UnregisterProducer unregisters the producer; with none registered it
// panics with an AssertionError.
func (t *transport) UnregisterProducer() {
	if t.producer == nil {
		panic(twisted.AssertionError.New())
	}
	t.producer = nil
}

func (t *transport) pollProducer() {
	if t.producer != nil && !t.streaming {
		if p, ok := t.producer.(protocol.IPullProducer); ok {
			p.ResumeProducing()
		}
	}
}
