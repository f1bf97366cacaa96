package reactor

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// IReactorTCP is the TCP part of a reactor
// (twisted.internet.interfaces.IReactorTCP).
type IReactorTCP interface {
	// ListenTCP listens on port and serves each connection with a
	// protocol factory builds.
	ListenTCP(port int, factory protocol.IFactory, options ...ListenOption) (IListeningPort, error)
	// ConnectTCP connects to host:port with a protocol factory builds.
	ConnectTCP(host string, port int, factory protocol.IClientFactory, timeout float64) protocol.IConnector
}

var _ IReactorTCP = (*Reactor)(nil)

// IListeningPort is a listening port
// (twisted.internet.interfaces.IListeningPort).
type IListeningPort interface {
	// StartListening starts listening again after StopListening.
	StartListening() error
	// StopListening stops listening; the Deferred fires when the port is
	// closed.
	StopListening() *deferred.Deferred
	// GetHost returns the address the port listens on: GetHost().Port is
	// the port number, the one the system chose for port 0.
	GetHost() *net.TCPAddr
}

// A ListenOption sets one of ListenTCP's optional arguments.
type ListenOption func(*Port)

// Interface is ListenTCP's interface argument: the local address to
// listen on, "" (the default) for every IPv4 interface, as in Twisted.
// An IPv6 address ("::1") listens on IPv6.
func Interface(iface string) ListenOption {
	return func(p *Port) { p.iface = iface }
}

// ListenTCP listens on port for TCP connections, on every IPv4 interface
// or the one the Interface option names, and serves each connection with
// a protocol built by factory, as Twisted's reactor.listenTCP(port,
// factory, interface=...). Port 0 lets the system choose a port:
// GetHost().Port tells which.
//
// factory.DoStart is called when the port starts listening, DoStop when
// it stops. For each connection the reactor calls, on its goroutine,
// factory.BuildProtocol(peer address) (nil refuses the connection), then
// protocol.MakeConnection(p, transport): the transport is a
// protocol.ITransport, protocol.IConsumer and protocol.IPushProducer.
// When the reactor stops, its ports stop listening and its connections
// are lost.
//
// A nil factory or option panics with a TypeError.
//
// It returns a CannotListenError if the port cannot be listened on (the
// Go error is its Cause). The backlog is the system's (Go's net package
// does not let it be chosen).
func (r *Reactor) ListenTCP(port int, factory protocol.IFactory, options ...ListenOption) (IListeningPort, error) {
	if factory == nil {
		panic(twisted.TypeError.New("ListenTCP needs a factory"))
	}
	p := &Port{r: r, port: port, factory: factory}
	for i, o := range options {
		if o == nil {
			panic(twisted.TypeError.New(fmt.Sprintf("ListenTCP option %d is None, not a ListenOption", i)))
		}
		o(p)
	}
	if err := p.StartListening(); err != nil {
		return nil, err
	}
	return p, nil
}

// Port is a TCP port ListenTCP listens on (Twisted's tcp.Port).
type Port struct {
	r       *Reactor
	port    int
	iface   string
	factory protocol.IFactory

	ln         *net.TCPListener // nil when not listening
	addr       *net.TCPAddr
	stopping   *deferred.Deferred // StopListening's, until the port closed
	acceptEnd  chan struct{}      // closed when the accept goroutine ends
	acceptQuit chan struct{}      // closed by StopListening: no more waiting to accept
}

var _ IListeningPort = (*Port)(nil)

// StartListening creates the socket and starts accepting connections,
// calling the factory's DoStart. ListenTCP calls it; call it again to
// listen anew once StopListening's Deferred has fired (before, it returns
// a CannotListenError). It returns a CannotListenError if listening
// fails. If DoStart panics, the socket is closed and the panic goes on.
func (p *Port) StartListening() error {
	if p.stopping != nil {
		return CannotListenError.New(p.iface, p.port, "the port is still stopping")
	}
	if p.ln != nil {
		return nil
	}
	network := "tcp4"
	if strings.Contains(p.iface, ":") {
		network = "tcp6"
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(context.Background(), network, net.JoinHostPort(p.iface, strconv.Itoa(p.port)))
	if err != nil {
		e := CannotListenError.New(p.iface, p.port, socketErrorString(err))
		e.Cause = err
		return e
	}
	if !p.r.net.trackPort(p, true) {
		ln.Close()
		return CannotListenError.New(p.iface, p.port, "the reactor has stopped")
	}
	p.ln = ln.(*net.TCPListener)
	p.addr = p.ln.Addr().(*net.TCPAddr)
	p.acceptEnd = make(chan struct{})
	p.acceptQuit = make(chan struct{})
	started := false
	defer func() {
		if !started {
			// DoStart panicked: no accept loop will close acceptEnd, on
			// which the reactor's shutdown of the port would wait.
			p.ln.Close()
			p.ln = nil
			close(p.acceptQuit)
			close(p.acceptEnd)
			p.r.net.trackPort(p, false)
		}
	}()
	p.factory.DoStart()
	started = true
	ln2, end, quit := p.ln, p.acceptEnd, p.acceptQuit
	p.r.net.goroutine(func() {
		defer close(end)
		p.acceptLoop(ln2, ln2.Accept, func(d time.Duration) bool { return sleepUnless(d, quit) })
	})
	return nil
}

// sleepUnless waits d, and reports false at once if quit closes first.
func sleepUnless(d time.Duration, quit <-chan struct{}) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-quit:
		return false
	}
}

// socketErrorString is Python's str of the socket error under err:
// "[Errno 98] Address already in use".
func socketErrorString(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return "[Errno " + strconv.Itoa(int(errno)) + "] " + errnoMessage(errno)
	}
	return err.Error()
}

// The wait after a failed accept (EMFILE, ENFILE, ENOBUFS...): 5 ms,
// doubling up to a second, as net/http's Server.Serve waits.
const (
	firstAcceptDelay = 5 * time.Millisecond
	maxAcceptDelay   = time.Second
)

// nextAcceptDelay returns the wait after one more failed accept in a row,
// the last wait having been d (0 after a success).
func nextAcceptDelay(d time.Duration) time.Duration {
	if d == 0 {
		return firstAcceptDelay
	}
	return min(2*d, maxAcceptDelay)
}

// acceptLoop accepts connections (calling accept, ln's Accept) until ln is
// closed, handing each to the reactor goroutine. A failed accept is
// logged, as Twisted logs it, and followed by a wait (wait(d), which
// reports false if the port stops meanwhile) growing as failures follow
// one another: where Twisted's poll loop would try again at once, out of
// file descriptors, and flood the reactor with log calls.
func (p *Port) acceptLoop(ln *net.TCPListener, accept func() (net.Conn, error), wait func(time.Duration) bool) {
	var delay time.Duration
	for {
		c, err := accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			p.r.CallFromThread(func() { p.r.logFailure(twisted.NewFailure(err)) })
			delay = nextAcceptDelay(delay)
			if !wait(delay) {
				return
			}
			continue
		}
		delay = 0
		tc := c.(*net.TCPConn)
		if !p.r.net.hold(tc) {
			tc.Close()
			return
		}
		p.r.CallFromThread(func() { p.accepted(ln, tc) })
	}
}

// accepted builds a protocol for tc and connects it, on the reactor
// goroutine.
func (p *Port) accepted(ln *net.TCPListener, tc *net.TCPConn) {
	if !p.r.net.release(tc) {
		return
	}
	if p.ln != ln || p.stopping != nil {
		tc.Close() // accepted as the port stopped listening
		return
	}
	var proto protocol.IProtocol
	if f := p.r.guard(func() { proto = p.factory.BuildProtocol(tc.RemoteAddr()) }); f != nil {
		tc.Close()
		return
	}
	if proto == nil {
		tc.Close()
		return
	}
	newTCPConn(p.r, tc, proto, nil)
}

// StopListening stops accepting connections and closes the port: the
// connections it accepted stay up, as in Twisted. The Deferred fires with
// nil, on the reactor goroutine, once the port is closed and the
// factory's DoStop has been called. On a port not listening it returns a
// Deferred already fired.
func (p *Port) StopListening() *deferred.Deferred {
	if p.stopping != nil {
		return p.stopping
	}
	if p.ln == nil {
		return deferred.Succeed(nil)
	}
	d := deferred.New()
	p.stopping = d
	p.ln.Close()
	close(p.acceptQuit)
	end := p.acceptEnd
	p.r.net.goroutine(func() {
		<-end
		p.r.CallFromThread(p.stopped)
	})
	return d
}

// stopped ends StopListening, on the reactor goroutine.
func (p *Port) stopped() {
	if p.stopping == nil {
		return
	}
	d := p.stopping
	p.stopping, p.ln = nil, nil
	p.r.net.trackPort(p, false)
	p.r.guard(p.factory.DoStop)
	d.Callback(nil)
}

// shutdown stops the port as the reactor stops.
func (p *Port) shutdown() {
	if p.ln != nil && p.stopping == nil {
		p.StopListening()
	}
	<-p.acceptEnd
	p.stopped()
}

// GetHost returns the address the port listens on.
func (p *Port) GetHost() *net.TCPAddr { return p.addr }

// guard runs f, a user's function, on the reactor goroutine; a panic is
// logged as an unhandled error and returned as a Failure.
func (r *Reactor) guard(f func()) (failure *twisted.Failure) {
	defer func() {
		if v := recover(); v != nil {
			failure = twisted.FailureFromPanic(v)
			r.logFailure(failure)
		}
	}()
	f()
	return nil
}
