package protocol

import (
	"net"

	"github.com/twistedflow/twistedflow/twisted"
)

// Protocol is the base of protocols (twisted.internet.protocol.Protocol):
// embed it and override the methods you need. Its own methods do nothing
// but track the connection.
type Protocol struct {
	// Transport is the connection, set by MakeConnection.
	Transport ITransport
	// Connected is true from MakeConnection until ConnectionLost.
	Connected bool
	// Factory is the factory that built the protocol, set by
	// Factory.BuildProtocol.
	Factory IFactory
}

// MakeConnection sets Transport and Connected.
func (p *Protocol) MakeConnection(transport ITransport) {
	p.Transport = transport
	p.Connected = true
}

// ConnectionMade does nothing.
func (p *Protocol) ConnectionMade() {}

// DataReceived does nothing.
func (p *Protocol) DataReceived([]byte) {}

// ConnectionLost sets Connected to false.
func (p *Protocol) ConnectionLost(*twisted.Failure) { p.Connected = false }

// base gives package code the embedded Protocol of any type that embeds
// it, to set Factory.
func (p *Protocol) base() *Protocol { return p }

var _ IProtocol = (*Protocol)(nil)

// Factory builds protocols (twisted.internet.protocol.Factory): set
// Protocol to a function returning a new protocol, as Python sets
// factory.protocol to a class.
type Factory struct {
	// Protocol returns a new protocol for each connection.
	Protocol func() IProtocol
	// NumPorts counts the ports and connectors using the factory.
	NumPorts int
	// OnStart and OnStop, if set, are called when the factory starts and
	// stops being used (startFactory and stopFactory).
	OnStart, OnStop func()
}

// BuildProtocol calls f.Protocol and, if the protocol embeds Protocol,
// sets its Factory to f.
func (f *Factory) BuildProtocol(net.Addr) IProtocol {
	p := f.Protocol()
	if b, ok := p.(interface{ base() *Protocol }); ok {
		b.base().Factory = f
	}
	return p
}

// DoStart counts one more user of f, calling OnStart for the first.
func (f *Factory) DoStart() {
	if f.NumPorts == 0 && f.OnStart != nil {
		f.OnStart()
	}
	f.NumPorts++
}

// DoStop counts one user of f less, calling OnStop for the last.
func (f *Factory) DoStop() {
	if f.NumPorts == 0 {
		return
	}
	f.NumPorts--
	if f.NumPorts == 0 && f.OnStop != nil {
		f.OnStop()
	}
}

// ServerFactory is the factory for servers
// (twisted.internet.protocol.ServerFactory): a Factory.
type ServerFactory = Factory

// ClientFactory is the factory for clients
// (twisted.internet.protocol.ClientFactory): a Factory whose connection
// events do nothing unless overridden or set.
type ClientFactory struct {
	Factory
	// OnConnectionFailed and OnConnectionLost, if set, are called by
	// ClientConnectionFailed and ClientConnectionLost.
	OnConnectionFailed, OnConnectionLost func(connector IConnector, reason *twisted.Failure)
}

// StartedConnecting does nothing.
func (f *ClientFactory) StartedConnecting(IConnector) {}

// ClientConnectionFailed calls OnConnectionFailed if set.
func (f *ClientFactory) ClientConnectionFailed(c IConnector, reason *twisted.Failure) {
	if f.OnConnectionFailed != nil {
		f.OnConnectionFailed(c, reason)
	}
}

// ClientConnectionLost calls OnConnectionLost if set.
func (f *ClientFactory) ClientConnectionLost(c IConnector, reason *twisted.Failure) {
	if f.OnConnectionLost != nil {
		f.OnConnectionLost(c, reason)
	}
}

var _ IClientFactory = (*ClientFactory)(nil)
