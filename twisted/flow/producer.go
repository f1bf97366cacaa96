package flow

import "github.com/twistedflow/twistedflow/twisted/protocol"

// A flow Protocol is its transport's streaming producer (Twisted's
// producer/consumer contract), registered when the connection is made if
// the transport is an IConsumer that can itself be paused (an
// IPushProducer, as the reactor's TCP transport is): when more than the
// transport's buffer (64 KiB for TCP) waits to be sent to a peer slower
// than the flow, the transport pauses the flow, which stops asking for
// input: the transport stops reading until what was written has been
// sent. A peer that never reads then holds the server's memory to about
// a buffer's worth plus what the flow writes for one chunk read, not
// everything it sends. The flow itself goes on with the data it has (a
// LineBreak stage its lines), and its controller is not told.
//
// The protocol unregisters itself when the flow ends, before closing the
// connection; a controller that wants to register a producer of its own
// unregisters it first (conn.Transport.(protocol.IConsumer).UnregisterProducer()).
var _ protocol.IPushProducer = (*Protocol)(nil)

// registerProducer registers p with its transport, if the transport can
// pause its reading.
func (p *Protocol) registerProducer() {
	c, ok := p.Transport.(protocol.IConsumer)
	if !ok {
		return
	}
	if _, ok := p.Transport.(protocol.IPushProducer); !ok {
		return
	}
	p.producing = true
	c.RegisterProducer(p, true)
}

// unregisterProducer unregisters p, if it is registered.
func (p *Protocol) unregisterProducer() {
	if p.producing {
		p.producing = false
		p.Transport.(protocol.IConsumer).UnregisterProducer()
	}
}

// PauseProducing is the transport's note that too much waits to be sent:
// the flow stops asking for input, pausing the transport's reading.
func (p *Protocol) PauseProducing() {
	if t, ok := p.Transport.(protocol.IPushProducer); ok {
		t.PauseProducing()
	}
}

// ResumeProducing is the transport's note that all written has been
// sent: the flow asks for input again. After LoseConnection (the flow's
// controller closing the connection itself) the protocol unregisters
// instead, so that the connection closes as it would have without a
// producer: no more input comes.
func (p *Protocol) ResumeProducing() {
	if d, ok := p.Transport.(interface{ IsDisconnecting() bool }); ok && d.IsDisconnecting() {
		p.unregisterProducer()
		return
	}
	if t, ok := p.Transport.(protocol.IPushProducer); ok {
		t.ResumeProducing()
	}
}

// StopProducing is the transport's note that the connection is lost (its
// ConnectionLost follows): the transport has forgotten the producer.
func (p *Protocol) StopProducing() { p.producing = false }
