package protocol

// IHalfCloseableProtocol is a protocol that wants to be told of half-closes
// (twisted.internet.interfaces.IHalfCloseableProtocol). TCP lets either
// side close its sending half and go on reading: a protocol that
// implements this interface is told when that happens, instead of having
// ConnectionLost called.
//
// A protocol that does not implement it loses its connection as soon as
// the peer stops sending (ConnectionLost with ConnectionDone), dropping
// what it wrote and the transport has not sent yet, as in Twisted.
//
// The reactor tests for it on the protocol it connects, as Twisted adapts
// its protocol to the interface: a wrapper protocol that wants its
// wrapped protocol told must implement it and pass the calls on.
type IHalfCloseableProtocol interface {
	// ReadConnectionLost is called when the peer has closed its sending
	// half (a shutdown(SHUT_WR), nc -N), or closed the connection (TCP
	// does not tell the two apart): no more data will come. The
	// connection stays open for writing, and everything written is still
	// sent; it is now the protocol's job to call LoseConnection (at once,
	// or once it has written its answer): until it does, the connection
	// stays open (until the reactor stops), even once the protocol has
	// closed its own half too.
	ReadConnectionLost()
	// WriteConnectionLost is called when the protocol's own
	// ITCPTransport.LoseWriteConnection has taken effect: everything
	// written until then has been sent, and the sending half is shut
	// down. TCP does not tell when the peer stops reading, so this is
	// never called for that.
	WriteConnectionLost()
}

// ITCPTransport is a TCP transport (twisted.internet.interfaces.
// ITCPTransport): an ITransport that can close its sending half alone. The
// reactor's TCP connections implement it; assert it on a protocol's
// Transport:
//
//	if t, ok := p.Transport.(protocol.ITCPTransport); ok {
//		t.LoseWriteConnection()
//	}
//
// (Twisted's ITCPTransport also has the TCP_NODELAY and SO_KEEPALIVE
// getters and setters, which are not ported; its abortConnection is
// ITransport.AbortConnection here.)
type ITCPTransport interface {
	ITransport
	// LoseWriteConnection half-closes the connection: once everything
	// written has been sent (and no pull producer, nor paused streaming
	// producer, is registered: as with LoseConnection), the transport
	// shuts down its sending half, so that the peer reads the end of
	// the data, and then calls the protocol's WriteConnectionLost if it
	// is an IHalfCloseableProtocol. The connection goes on reading:
	// ConnectionLost is called once the protocol calls LoseConnection,
	// or, for a protocol that is not half-closeable, once the peer
	// closes its own half.
	LoseWriteConnection()
}
