// Package protohelpers holds helpers for testing protocols
// (twisted.internet.testing, formerly twisted.test.proto_helpers):
// StringTransport, a transport that keeps in memory what is written to it.
package protohelpers

import (
	"bytes"
	"net"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// Address is the address of both ends of a StringTransport
// (Twisted's default IPv4Address("TCP", "10.0.0.1", 12345)).
var Address net.Addr = &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 12345}

// Producer states of a StringTransport (Twisted's producerState).
const (
	Producing = "producing"
	Paused    = "paused"
	Stopped   = "stopped"
)

// StringTransport is a transport that buffers what is written to it, for
// tests (twisted.internet.testing.StringTransport): Value returns it. It
// is a consumer (RegisterProducer) and a push producer whose state
// ProducerState reports. Its zero value is ready to use. It is not safe
// for concurrent use, as protocols are called on one goroutine.
//
// It is not a protocol.ITCPTransport: Twisted 22.4's StringTransport has
// no loseWriteConnection (a protocol calling it gets AttributeError), so a
// protocol that half-closes finds it missing here too (its type assertion
// fails); test half-closes over the reactor's TCP.
type StringTransport struct {
	// Disconnecting is set by LoseConnection (Twisted's disconnecting).
	Disconnecting bool
	// Aborted is set by AbortConnection.
	Aborted bool
	// Producer and Streaming are the registered producer and its kind.
	Producer  protocol.IProducer
	Streaming bool
	// Peer and Host are what GetPeer and GetHost return; nil is Address.
	Peer, Host net.Addr

	io bytes.Buffer
	// state is the producer state; "" is Producing, so that the zero
	// value starts producing.
	state string
}

// ProducerState returns the state the protocol put the transport in as a
// producer (Twisted's producerState): Producing until PauseProducing,
// then Paused, Producing again after ResumeProducing, Stopped after
// StopProducing.
func (t *StringTransport) ProducerState() string {
	if t.state == "" {
		return Producing
	}
	return t.state
}

var (
	_ protocol.ITransport    = (*StringTransport)(nil)
	_ protocol.IConsumer     = (*StringTransport)(nil)
	_ protocol.IPushProducer = (*StringTransport)(nil)
)

// Value returns everything written so far (value()).
func (t *StringTransport) Value() []byte { return bytes.Clone(t.io.Bytes()) }

// Clear forgets what was written (clear()).
func (t *StringTransport) Clear() { t.io.Reset() }

// Write appends data to the value.
func (t *StringTransport) Write(data []byte) { t.io.Write(data) }

// WriteSequence writes each element of data.
func (t *StringTransport) WriteSequence(data [][]byte) {
	for _, d := range data {
		t.io.Write(d)
	}
}

// LoseConnection sets Disconnecting.
func (t *StringTransport) LoseConnection() { t.Disconnecting = true }

// AbortConnection sets Aborted and Disconnecting.
func (t *StringTransport) AbortConnection() {
	t.Aborted = true
	t.LoseConnection()
}

// IsDisconnecting reports Disconnecting, for code that sees the transport
// as an interface (Twisted's transport.disconnecting).
func (t *StringTransport) IsDisconnecting() bool { return t.Disconnecting }

// GetPeer returns Peer, or Address.
func (t *StringTransport) GetPeer() net.Addr {
	if t.Peer != nil {
		return t.Peer
	}
	return Address
}

// GetHost returns Host, or Address.
func (t *StringTransport) GetHost() net.Addr {
	if t.Host != nil {
		return t.Host
	}
	return Address
}

// RegisterProducer records producer; registering a second one panics with
// RuntimeError, as Twisted raises it.
func (t *StringTransport) RegisterProducer(producer protocol.IProducer, streaming bool) {
	if t.Producer != nil {
		panic(twisted.RuntimeError.New("Cannot register two producers"))
	}
	t.Producer, t.Streaming = producer, streaming
}

// UnregisterProducer forgets the producer; with none registered it panics
// with RuntimeError, as Twisted raises it.
func (t *StringTransport) UnregisterProducer() {
	if t.Producer == nil {
		panic(twisted.RuntimeError.New("Cannot unregister a producer unless one is registered"))
	}
	t.Producer, t.Streaming = nil, false
}

// RegisteredProducer returns Producer, as the reactor's TCP transport
// tells its producer (Twisted's transport.producer), for code that
// holds the transport as an interface.
func (t *StringTransport) RegisteredProducer() protocol.IProducer { return t.Producer }

func (t *StringTransport) checkState() {
	if t.state == Stopped {
		panic(twisted.RuntimeError.New("Cannot resume/pause a stopped producer"))
	}
}

// PauseProducing makes ProducerState Paused (a stopped transport panics
// RuntimeError, as Twisted raises it).
func (t *StringTransport) PauseProducing() {
	t.checkState()
	t.state = Paused
}

// ResumeProducing makes ProducerState Producing (a stopped transport
// panics RuntimeError).
func (t *StringTransport) ResumeProducing() {
	t.checkState()
	t.state = Producing
}

// StopProducing makes ProducerState Stopped.
func (t *StringTransport) StopProducing() { t.state = Stopped }
