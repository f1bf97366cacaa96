// Package basic holds basic protocols (twisted.protocols.basic): the
// line-oriented LineReceiver and LineOnlyReceiver, NetstringReceiver, the
// length-prefixed Int8StringReceiver, Int16StringReceiver and
// Int32StringReceiver, and FileSender, a producer of a file's contents.
//
// # Subclassing
//
// In Python a protocol subclasses LineReceiver and overrides
// lineReceived; in Go it embeds LineReceiver and defines LineReceived:
//
//	type Echo struct {
//		basic.LineReceiver
//	}
//
//	func (e *Echo) LineReceived(line []byte) { e.SendLine(line) }
//
// The base calls the embedding protocol's methods through its self (see
// protocol.Base): protocol.MakeConnection sets it when the protocol is
// connected, so nothing else is needed; a protocol fed data without being
// connected calls SetSelf(p) first. Without a self, the base calls its own
// methods: LineReceived, RawDataReceived and StringReceived panic with
// NotImplementedError, as Python's raise it.
//
// Class attributes a Python subclass sets (delimiter, MAX_LENGTH) are
// fields: set them before the connection is made, or in ConnectionMade.
// Their zero values are Twisted's defaults.
//
// Every method is called on the reactor's goroutine, as every protocol
// method is; the receivers are not safe for concurrent use.
package basic

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// Exception classes of twisted.protocols.basic.
var (
	// NetstringParseError: the incoming data is not in valid netstring
	// format.
	NetstringParseError = twisted.NewClass("twisted.protocols.basic.NetstringParseError", twisted.ValueError)
	// IncompleteNetstring: not enough data to complete a netstring.
	IncompleteNetstring = twisted.NewClass("twisted.protocols.basic.IncompleteNetstring", twisted.Exception)
	// StringTooLongError is returned when trying to send a string too long
	// for a length-prefixed protocol.
	StringTooLongError = twisted.NewClass("twisted.protocols.basic.StringTooLongError", twisted.AssertionError)
)

// disconnecting reports whether transport is closing (Twisted's
// transport.disconnecting): a transport tells by an IsDisconnecting
// method; one without it never is.
func disconnecting(transport protocol.ITransport) bool {
	d, ok := transport.(interface{ IsDisconnecting() bool })
	return ok && d.IsDisconnecting()
}

// loseConnection is the default of the length-exceeded methods:
// transport.loseConnection(), nothing without a transport.
func loseConnection(transport protocol.ITransport) {
	if transport != nil {
		transport.LoseConnection()
	}
}

// notImplemented is the panic of an abstract method (raise
// NotImplementedError).
func notImplemented() { panic(twisted.NotImplementedError.New()) }

// pausable is Twisted's _PauseableMixin: pauseProducing, resumeProducing
// and stopProducing, which pause the receiver and its transport.
type pausable struct {
	// Paused is true while the receiver is paused: it delivers nothing.
	Paused bool
}

func (p *pausable) pause(transport protocol.ITransport) {
	p.Paused = true
	if t, ok := transport.(interface{ PauseProducing() }); ok {
		t.PauseProducing()
	}
}

func (p *pausable) resume(transport protocol.ITransport, dataReceived func([]byte)) {
	p.Paused = false
	if t, ok := transport.(interface{ ResumeProducing() }); ok {
		t.ResumeProducing()
	}
	dataReceived(nil)
}

func (p *pausable) stop(transport protocol.ITransport) {
	p.Paused = true
	if t, ok := transport.(interface{ StopProducing() }); ok {
		t.StopProducing()
	}
}
