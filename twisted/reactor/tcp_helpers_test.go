package reactor

import (
	"io"
	"net"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// echo writes back what it receives, and records how it was lost.
type echo struct {
	protocol.Protocol
	lost   *twisted.Failure
	onLost func(*twisted.Failure)
}

func (e *echo) DataReceived(data []byte) { e.Transport.Write(data) }
func (e *echo) ConnectionLost(reason *twisted.Failure) {
	e.Protocol.ConnectionLost(reason)
	e.lost = reason
	if e.onLost != nil {
		e.onLost(reason)
	}
}

// sender sends payload when connected, collects what comes back, hangs
// up once it has as much as it sent, and calls done when lost.
type sender struct {
	protocol.Protocol
	payload []byte
	got     []byte
	events  []string
	lost    *twisted.Failure
	done    func(*sender)
}

func (s *sender) ConnectionMade() {
	s.events = append(s.events, "made")
	s.Transport.Write(s.payload)
}

func (s *sender) DataReceived(data []byte) {
	s.got = append(s.got, data...)
	if len(s.got) >= len(s.payload) {
		s.Transport.LoseConnection()
	}
}

func (s *sender) ConnectionLost(reason *twisted.Failure) {
	s.Protocol.ConnectionLost(reason)
	s.events = append(s.events, "lost")
	s.lost = reason
	if s.done != nil {
		s.done(s)
	}
}

// clientFactory is a ClientFactory recording its events.
type clientFactory struct {
	protocol.ClientFactory
	events []string
}

func newClientFactory(build func() protocol.IProtocol) *clientFactory {
	f := &clientFactory{}
	f.Protocol = build
	f.OnStart = func() { f.events = append(f.events, "start") }
	f.OnStop = func() { f.events = append(f.events, "stop") }
	f.OnConnectionFailed = func(_ protocol.IConnector, r *twisted.Failure) {
		f.events = append(f.events, "failed "+r.Type.Name()+": "+r.Value.Error())
	}
	f.OnConnectionLost = func(_ protocol.IConnector, r *twisted.Failure) {
		f.events = append(f.events, "lost "+r.Type.Name()+": "+r.Value.Error())
	}
	return f
}

func (f *clientFactory) StartedConnecting(protocol.IConnector) {
	f.events = append(f.events, "startedConnecting")
}

// serverFactory returns a factory building protocols with build.
func serverFactory(build func() protocol.IProtocol) *protocol.Factory {
	return &protocol.Factory{Protocol: build}
}

// listen listens on a port of 127.0.0.1 chosen by the system.
func listen(t *testing.T, r *Reactor, f protocol.IFactory) IListeningPort {
	t.Helper()
	p, err := r.ListenTCP(0, f, Interface("127.0.0.1"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// refusedPort returns a port of 127.0.0.1 nothing listens on.
func refusedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

func stop(r *Reactor) {
	if r.Running() {
		r.Stop()
	}
}

// readAllThenClose reads c to its end in another goroutine, closes it,
// and sends what it read.
func readAllThenClose(c net.Conn) <-chan []byte {
	got := make(chan []byte, 1)
	go func() {
		b, _ := io.ReadAll(c)
		c.Close()
		got <- b
	}()
	return got
}
