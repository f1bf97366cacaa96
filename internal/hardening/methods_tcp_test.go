package hardening

import (
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// tcpProtocol is a protocol whose method panicIn panics; lost receives
// the reason of its ConnectionLost.
type tcpProtocol struct {
	protocol.Protocol
	panicIn string
	lost    chan *twisted.Failure
}

// SetSelf makes tcpProtocol a protocol.Base, whose SetSelf
// protocol.MakeConnection calls first.
func (p *tcpProtocol) SetSelf(protocol.IProtocol) {
	panicIf(p.panicIn, "SetSelf")
}

func (p *tcpProtocol) MakeConnection(transport protocol.ITransport) {
	panicIf(p.panicIn, "MakeConnection")
	p.Protocol.MakeConnection(transport)
}

func (p *tcpProtocol) ConnectionMade() {
	panicIf(p.panicIn, "ConnectionMade")
}

func (p *tcpProtocol) DataReceived(data []byte) {
	panicIf(p.panicIn, "DataReceived")
	p.Transport.Write(data)
}

func (p *tcpProtocol) ConnectionLost(reason *twisted.Failure) {
	p.Protocol.ConnectionLost(reason)
	p.lost <- reason
	panicIf(p.panicIn, "ConnectionLost")
}

// overTCP serves a tcpProtocol whose method m panics (or whose factory's
// BuildProtocol does, for m "BuildProtocol") on a real reactor; a client
// connects, writes and reads to the end. Twisted logs the exception as an
// unhandled error and drops the connection: the client sees it closed,
// the reactor goes on serving (a second client is echoed).
func overTCP(t *testing.T, m string) {
	overTCPWith(t, m, "ping", func(panicIn string, lost chan *twisted.Failure) protocol.IProtocol {
		return &tcpProtocol{panicIn: panicIn, lost: lost}
	})
}

// overTCPWith is overTCP for the protocol newProto makes: the first
// connection's protocol is made with panicIn m, the next ones with "";
// each sends its ConnectionLost reason to lost, and echoes input.
func overTCPWith(t *testing.T, m, input string, newProto func(panicIn string, lost chan *twisted.Failure) protocol.IProtocol) {
	log := &lockedLog{}
	r := reactor.New()
	r.Logger = newTextLogger(log)
	lost := make(chan *twisted.Failure, 4)
	first := true
	factory := &protocol.ServerFactory{Protocol: func() protocol.IProtocol {
		panicIn := ""
		if first {
			first, panicIn = false, m
		}
		if panicIn == "BuildProtocol" {
			panic(boom)
		}
		return newProto(panicIn, lost)
	}}
	port, err := r.ListenTCP(0, factory, reactor.Interface("127.0.0.1"))
	assert.NilError(t, err)
	ran := make(chan error, 1)
	go func() { ran <- r.Run() }()
	defer func() {
		r.CallFromThread(func() { _ = r.Stop() })
		assert.NilError(t, <-ran)
	}()
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port.GetHost().Port))

	exchange := func(closeFirst bool) (string, error) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return "", err
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(10 * time.Second)) // a hang fails, not waits forever
		if _, err := c.Write([]byte(input)); err != nil {
			return "", err
		}
		if closeFirst {
			_ = c.(*net.TCPConn).CloseWrite()
		}
		got, err := io.ReadAll(c)
		return string(got), err
	}
	got, err := exchange(m == "ConnectionLost")
	if m == "ConnectionLost" {
		assert.NilError(t, err)
	} else {
		assert.Assert(t, err == nil || !strings.Contains(err.Error(), "timeout"), "the connection was left open: %v", err)
		assert.Equal(t, got, "", "the failed connection answered")
	}
	got, err = exchange(true)
	assert.NilError(t, err)
	assert.Equal(t, got, input, "the next connection is not served")
	deadline := time.After(10 * time.Second)
	for !strings.Contains(log.String(), "boom") {
		select {
		case <-deadline:
			t.Fatalf("the panic was not logged: %q", log.String())
		case <-lost:
		}
	}
	assert.Assert(t, is.Contains(log.String(), "Unhandled Error"))
}

func init() {
	for _, m := range []string{"MakeConnection", "ConnectionMade", "DataReceived", "ConnectionLost"} {
		userMethodRows["protocol.IProtocol."+m] = func(t *testing.T) { overTCP(t, m) }
	}
	// SetSelf is Go's: protocol.MakeConnection calls it where Twisted's
	// makeConnection begins, so its panic is makeConnection's.
	userMethodRows["protocol.Base.SetSelf"] = func(t *testing.T) { overTCP(t, "SetSelf") }
	userMethodRows["protocol.IFactory.BuildProtocol"] = func(t *testing.T) { overTCP(t, "BuildProtocol") }
}

// newTextLogger is a text logger writing to w.
func newTextLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

// panickyFactory is a server factory whose method panicIn panics.
type panickyFactory struct {
	protocol.ServerFactory
	panicIn string
}

func (f *panickyFactory) DoStart() {
	panicIf(f.panicIn, "DoStart")
	f.ServerFactory.DoStart()
}

func (f *panickyFactory) DoStop() {
	f.ServerFactory.DoStop()
	panicIf(f.panicIn, "DoStop")
}

func init() {
	userMethodRows["protocol.IFactory.DoStart"] = func(t *testing.T) {
		// Twisted's startListening calls doStart: its exception reaches
		// listenTCP's caller, and no port is made.
		r := reactor.New()
		var port reactor.IListeningPort
		f := panicOf(func() {
			port, _ = r.ListenTCP(0, &panickyFactory{panicIn: "DoStart"}, reactor.Interface("127.0.0.1"))
		})
		assert.Assert(t, f != nil, "ListenTCP swallowed DoStart's panic")
		assertBoom(t, f)
		assert.Assert(t, port == nil)
	}
	userMethodRows["protocol.IFactory.DoStop"] = func(t *testing.T) {
		// Twisted logs it; the port stops, and its Deferred fires.
		log := &lockedLog{}
		r := reactor.New()
		r.Logger = newTextLogger(log)
		port, err := r.ListenTCP(0, &panickyFactory{panicIn: "DoStop"}, reactor.Interface("127.0.0.1"))
		assert.NilError(t, err)
		stopped := false
		r.CallWhenRunning(func() {
			port.StopListening().AddBoth(func(any) (any, error) {
				stopped = true
				return nil, r.Stop()
			})
		})
		assert.NilError(t, r.Run())
		assert.Assert(t, stopped, "StopListening's Deferred never fired")
		assert.Assert(t, is.Contains(log.String(), "boom"), "DoStop's panic was not logged")
	}
}

// panickyClientFactory is a client factory whose method panicIn panics;
// the end of the attempt (failed, or lost) stops the reactor.
type panickyClientFactory struct {
	protocol.ClientFactory
	panicIn string
	r       *reactor.Reactor
}

func (f *panickyClientFactory) StartedConnecting(c protocol.IConnector) {
	panicIf(f.panicIn, "StartedConnecting")
}

func (f *panickyClientFactory) ClientConnectionFailed(c protocol.IConnector, reason *twisted.Failure) {
	f.r.CallLater(0, func() { _ = f.r.Stop() })
	panicIf(f.panicIn, "ClientConnectionFailed")
}

func (f *panickyClientFactory) ClientConnectionLost(c protocol.IConnector, reason *twisted.Failure) {
	f.r.CallLater(0, func() { _ = f.r.Stop() })
	panicIf(f.panicIn, "ClientConnectionLost")
}

// refusedPort returns a loopback port nothing listens on.
func refusedPort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	assert.NilError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	assert.NilError(t, ln.Close())
	return port
}

func init() {
	// Twisted's connector calls startedConnecting from connectTCP, and
	// clientConnectionFailed from the reactor: here each is the reactor's
	// call of the user's code, whose panic is logged as an unhandled error;
	// the attempt goes on to its end, and the reactor with it.
	for _, m := range []string{"StartedConnecting", "ClientConnectionFailed"} {
		userMethodRows["protocol.IClientFactory."+m] = func(t *testing.T) {
			log := &lockedLog{}
			r := reactor.New()
			r.Logger = newTextLogger(log)
			f := &panickyClientFactory{panicIn: m, r: r}
			f.Protocol = func() protocol.IProtocol { return &protocol.Protocol{} }
			port := refusedPort(t)
			r.CallWhenRunning(func() {
				noEscape(t, "ConnectTCP", func() { r.ConnectTCP("127.0.0.1", port, f, 5) })
			})
			assert.NilError(t, r.Run())
			assert.Assert(t, is.Contains(log.String(), "boom"), "the panic was not logged")
		}
	}
}

func init() {
	// Twisted's connector calls clientConnectionLost from the transport's
	// connectionLost: its exception reaches the reactor's loop, which logs
	// it and goes on. Here the peer accepts and closes at once.
	userMethodRows["protocol.IClientFactory.ClientConnectionLost"] = func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		assert.NilError(t, err)
		accepted := make(chan error, 1)
		go func() {
			c, err := ln.Accept()
			if err == nil {
				err = c.Close()
			}
			accepted <- err
		}()
		log := &lockedLog{}
		r := reactor.New()
		r.Logger = newTextLogger(log)
		f := &panickyClientFactory{panicIn: "ClientConnectionLost", r: r}
		lost := make(chan *twisted.Failure, 1)
		f.Protocol = func() protocol.IProtocol { return &tcpProtocol{lost: lost} }
		port := ln.Addr().(*net.TCPAddr).Port
		r.CallWhenRunning(func() {
			noEscape(t, "ConnectTCP", func() { r.ConnectTCP("127.0.0.1", port, f, 5) })
		})
		assert.NilError(t, r.Run())
		assert.NilError(t, <-accepted)
		assert.NilError(t, ln.Close())
		assert.Equal(t, (<-lost).Type, reactor.ConnectionDone, "the protocol's ConnectionLost was not called first")
		assert.Assert(t, is.Contains(log.String(), "boom"), "the panic was not logged")
	}
}
