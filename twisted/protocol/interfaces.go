package protocol

import (
	"net"

	"github.com/twistedflow/twistedflow/twisted"
)

// ITransport is the connection a protocol writes to
// (twisted.internet.interfaces.ITransport and ITCPTransport's
// abortConnection). Its methods are called on the reactor goroutine and
// never block it: written data is queued and sent in order.
type ITransport interface {
	// Write queues data to be sent, in order, without blocking. As with
	// io.Writer, Write must not modify data, even temporarily, and must
	// not retain it once it returns: it copies what it queues, so the
	// caller may reuse data, and data may be a string's memory.
	Write(data []byte)
	// WriteSequence writes each element of data, as Write does.
	WriteSequence(data [][]byte)
	// LoseConnection closes the connection once the queued data has been
	// sent; the protocol then gets ConnectionLost with ConnectionDone.
	LoseConnection()
	// AbortConnection closes the connection at once, dropping queued
	// data; the protocol then gets ConnectionLost with ConnectionAborted.
	AbortConnection()
	// GetPeer returns the address of the other end.
	GetPeer() net.Addr
	// GetHost returns the address of this end.
	GetHost() net.Addr
}

// IProtocol is the interface of a protocol
// (twisted.internet.interfaces.IProtocol). Embed Protocol to get every
// method with Twisted's default behaviour, and define the ones to
// override.
type IProtocol interface {
	// MakeConnection attaches the protocol to its transport. Unlike
	// Twisted's method it does not call ConnectionMade: connect a protocol
	// with the function MakeConnection, which calls both.
	MakeConnection(transport ITransport)
	// ConnectionMade is called when the connection is made, before any
	// data arrives.
	ConnectionMade()
	// DataReceived is called with data as it arrives, in chunks of any
	// size. data is the protocol's own: it may keep it.
	DataReceived(data []byte)
	// ConnectionLost is called once when the connection is closed: reason
	// is a ConnectionDone failure for a clean close, ConnectionLost (or
	// another error) otherwise.
	ConnectionLost(reason *twisted.Failure)
}

// MakeConnection connects p to transport and calls p.ConnectionMade: what
// Twisted's protocol.makeConnection(transport) does. If p embeds a base
// protocol that calls its embedder's methods (a Base, such as
// basic.LineReceiver), MakeConnection first tells it that p embeds it.
func MakeConnection(p IProtocol, transport ITransport) {
	if b, ok := p.(Base); ok {
		b.SetSelf(p)
	}
	p.MakeConnection(transport)
	p.ConnectionMade()
}

// A Base is a protocol meant to be embedded whose methods call methods the
// embedding protocol overrides, as Python's base classes call self's:
// basic.LineReceiver's DataReceived calls the LineReceived of the
// protocol that embeds it. Go's embedding gives the base no such self:
// SetSelf does. MakeConnection calls it with the protocol it connects, so
// that a Base needs no other setup; call it yourself to use a protocol
// that is not connected.
type Base interface {
	SetSelf(self IProtocol)
}

// IFactory builds protocols (twisted.internet.interfaces.IProtocolFactory).
type IFactory interface {
	// BuildProtocol returns a protocol for a connection with addr, or nil
	// to refuse the connection.
	BuildProtocol(addr net.Addr) IProtocol
	// DoStart is called when the factory starts being used by a port or
	// connector; DoStop when it stops.
	DoStart()
	DoStop()
}

// IConnector is a client connection attempt that can be stopped or
// retried (twisted.internet.interfaces.IConnector).
type IConnector interface {
	// StopConnecting stops an attempt in progress.
	StopConnecting()
	// Disconnect disconnects if connected, or stops connecting.
	Disconnect()
	// Connect tries to connect again.
	Connect()
	// GetDestination returns the address being connected to.
	GetDestination() net.Addr
}

// IClientFactory is the factory ConnectTCP takes
// (twisted.internet.protocol.ClientFactory's interface).
type IClientFactory interface {
	IFactory
	// StartedConnecting is called when a connection attempt starts.
	StartedConnecting(connector IConnector)
	// ClientConnectionFailed is called when the connection could not be
	// made.
	ClientConnectionFailed(connector IConnector, reason *twisted.Failure)
	// ClientConnectionLost is called when an established connection is
	// lost.
	ClientConnectionLost(connector IConnector, reason *twisted.Failure)
}
