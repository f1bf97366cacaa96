package flow

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// MakeProtocolWithBase is flow.makeProtocol(controller, baseClass,
// callback): a flow protocol that extends a base protocol, such as a
// basic.LineReceiver, whose callback (lineReceived) feeds the flow instead
// of the connection's raw data. It returns the constructor a factory's
// Protocol field wants.
//
// base is called once per connection with the new flow Protocol and
// returns the base protocol: the connection's data goes to its
// DataReceived, and its callback gives each item to the flow with
// conn.Result (Python's setattr(self, callback, self): the callback is the
// [Callback] stage). Python's
//
//	server.protocol = flow.makeProtocol(echoLines, basic.LineReceiver, 'lineReceived')
//
// ports to
//
//	type lineFeeder struct {
//		basic.LineReceiver
//		conn *flow.Protocol
//	}
//
//	func (l *lineFeeder) LineReceived(line []byte) { l.conn.Result(string(line)) }
//
//	server.Protocol = flow.MakeProtocolWithBase(echoLines, func(conn *flow.Protocol) protocol.IProtocol {
//		return &lineFeeder{conn: conn}
//	})
//
// The base is connected to the same transport (its MakeConnection is
// called, and its SetSelf if it is a [protocol.Base]), so that its own
// methods (SendLine, LineLengthExceeded's LoseConnection) work. As in the
// original, the flow protocol's ConnectionMade and ConnectionLost take the
// place of the base's, which are not called. The options are
// [MakeProtocol]'s.
//
// A nil base panics TypeError at once, as Python's makeProtocol does for a
// baseClass of None; a base that returns nil panics TypeError when the
// connection's protocol is built, which the reactor reports as it reports
// any failing buildProtocol.
func MakeProtocolWithBase(controller any, base func(conn *Protocol) protocol.IProtocol, options ...ProtocolOption) func() protocol.IProtocol {
	return MakeProtocolWithBaseOn(nil, controller, base, options...)
}

// MakeProtocolWithBaseOn is [MakeProtocolWithBase] on the given reactor (see
// [MakeProtocolOn]).
func MakeProtocolWithBaseOn(r reactor.IReactorTime, controller any, base func(conn *Protocol) protocol.IProtocol, options ...ProtocolOption) func() protocol.IProtocol {
	if base == nil {
		panic(twisted.TypeError.New("Error when calling the metaclass bases\n    cannot create 'NoneType' instances"))
	}
	return func() protocol.IProtocol {
		p := newProtocolOn(r, controller, options)
		b := base(p)
		if b == nil {
			panic(twisted.TypeError.New("flow.MakeProtocolWithBase: the base function returned None, not a protocol"))
		}
		if p.halfCloseable {
			return halfCloseableBase{&baseProtocol{Protocol: p, base: b}}
		}
		return &baseProtocol{Protocol: p, base: b}
	}
}

// baseProtocol is the flow protocol of MakeProtocolWithBase: the flow
// Protocol, with the data going to the base.
type baseProtocol struct {
	*Protocol
	base protocol.IProtocol
}

// MakeConnection connects the flow protocol and the base.
func (b *baseProtocol) MakeConnection(transport protocol.ITransport) {
	b.Protocol.MakeConnection(transport)
	if s, ok := b.base.(protocol.Base); ok {
		s.SetSelf(b.base)
	}
	b.base.MakeConnection(transport)
}

// DataReceived gives data to the base, whose callback feeds the flow.
func (b *baseProtocol) DataReceived(data []byte) { b.base.DataReceived(data) }
