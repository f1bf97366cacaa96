package flow

import "github.com/twistedflow/twistedflow/twisted/protocol"

// HalfCloseable makes the protocols that [MakeProtocol] and
// [MakeProtocolWithBase] build half-closeable ([HalfCloseableProtocol]), a
// Go addition: the 2009 flow.Protocol is not, and neither is a Protocol
// built without this option.
//
// A peer that sends its request and then shuts down its sending half
// (shutdown(SHUT_WR), nc -N) ends a plain flow protocol's connection at
// once, dropping what the flow has not written or sent yet, as Twisted
// does with any protocol that is not half-closeable. With this option the
// peer's half-close only ends the flow's input: the connection's stage
// ends as it does when the connection is closed cleanly (Next returns
// StopIteration), the flow goes on and everything it writes is sent, and
// when it ends the connection is closed (LoseConnection) as usual, once
// what it wrote has been sent.
//
// The option changes nothing on a transport that does not tell
// half-closes (protohelpers.StringTransport, loopback: neither calls
// ReadConnectionLost, as neither is a [protocol.ITCPTransport]).
// [NewProtocol]'s *Protocol is not half-closeable whatever its options
// (the reactor asks the protocol's type): wrap it, HalfCloseableProtocol{p}.
func HalfCloseable() ProtocolOption {
	return func(p *Protocol) { p.halfCloseable = true }
}

// HalfCloseableProtocol is a flow [Protocol] that is a
// [protocol.IHalfCloseableProtocol] (see [HalfCloseable]): the peer's
// half-close ends the flow's input, not the connection.
//
// A flow that does not end after its input has ended keeps its connection
// open, as Twisted keeps a half-closeable protocol's open until it calls
// LoseConnection: the flow can still write, and close the connection
// itself (conn.Transport.LoseConnection()). The stage's end is the
// half-close's: a ConnectionLost after it (the flow closing the
// connection, the reactor stopping, the peer resetting the connection the
// flow still writes to) stops a flow waiting for its transport to drain
// and runs it, as at any loss of the connection, but does not change the
// stage, which has ended (nor fails it: FinishOnConnectionLost and Trap
// apply to losses before the half-close).
type HalfCloseableProtocol struct{ *Protocol }

// ReadConnectionLost ends the flow's input, as ConnectionLost does with
// ConnectionDone, and runs the flow; the connection stays open.
func (h HalfCloseableProtocol) ReadConnectionLost() { h.readConnectionLost() }

// WriteConnectionLost does nothing: the flow's controller closed the
// sending half itself (conn.Transport.(protocol.ITCPTransport).
// LoseWriteConnection()), and knows. The flow goes on reading, what it
// writes from then on is dropped (as Twisted drops it), and its end
// closes the connection as usual.
func (h HalfCloseableProtocol) WriteConnectionLost() {}

// halfCloseableBase is MakeProtocolWithBase's protocol made
// half-closeable: as for ConnectionLost, the flow protocol's methods take
// the place of the base's.
type halfCloseableBase struct{ *baseProtocol }

func (h halfCloseableBase) ReadConnectionLost()  { h.readConnectionLost() }
func (h halfCloseableBase) WriteConnectionLost() {}

// readConnectionLost ends the stage as ConnectionLost does with
// ConnectionDone, once (and not after ConnectionLost), and runs the flow;
// unlike ConnectionLost it leaves a flow waiting for its transport to
// drain waiting: it still has its writes to send.
func (p *Protocol) readConnectionLost() {
	if p.inputEnded || !p.Connected {
		return
	}
	p.inputEnded = true
	p.endInput(nil)
	p.resume()
}

var (
	_ protocol.IHalfCloseableProtocol = HalfCloseableProtocol{}
	_ protocol.IHalfCloseableProtocol = halfCloseableBase{}
)
