package reactor

import (
	"context"
	"net"
	"strconv"
	"sync"

	"github.com/twistedflow/twistedflow/internal/timers"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// defaultConnectTimeout is Twisted's connectTCP timeout: 30 seconds.
const defaultConnectTimeout = 30

// ConnectTCP connects to host:port and serves the connection with a
// protocol built by factory, as Twisted's reactor.connectTCP(host, port,
// factory, timeout). timeout is in seconds; zero or less means Twisted's
// default, 30. It returns at once, with the Connector that can stop the
// attempt or, later, connect again.
//
// On the reactor goroutine: factory.DoStart and StartedConnecting at
// once; then, once connected, factory.BuildProtocol(peer address) and
// protocol.MakeConnection(p, transport), and when the connection is lost
// the protocol's ConnectionLost then factory.ClientConnectionLost; or, if
// the connection cannot be made, factory.ClientConnectionFailed with a
// ConnectError (ConnectionRefusedError, TimeoutError when timeout runs
// out, UserError after StopConnecting, NoProtocol when BuildProtocol
// returns nil, ...). factory.DoStop follows either, unless the factory
// connected again.
//
// Call it on the reactor goroutine, or before Run.
func (r *Reactor) ConnectTCP(host string, port int, factory protocol.IClientFactory, timeout float64) protocol.IConnector {
	if factory == nil {
		panic(twisted.TypeError.New("ConnectTCP needs a factory"))
	}
	timers.CheckTime(timeout)
	if timeout <= 0 {
		timeout = defaultConnectTimeout
	}
	c := &Connector{r: r, host: host, port: port, factory: factory, timeout: timeout}
	c.Connect()
	return c
}

// connectorState is Twisted's BaseConnector.state.
type connectorState int

const (
	disconnected connectorState = iota
	connecting
	connected
)

// A Connector is a client connection, made or being made, that can be
// stopped or made again (Twisted's tcp.Connector, an IConnector). Its
// methods belong to the reactor goroutine.
type Connector struct {
	r       *Reactor
	host    string
	port    int
	factory protocol.IClientFactory
	timeout float64

	state          connectorState
	factoryStarted bool
	attempt        *attempt
	conn           *tcpConn
}

// attempt is one dial in progress.
type attempt struct {
	cancel   context.CancelFunc
	timer    *DelayedCall
	reason   *twisted.Failure // why it was cut short: timeout, StopConnecting
	finished bool

	// The dialled connection waits here for the reactor: whichever of
	// the dialler and the reactor comes second closes it if the attempt
	// was given up, even when the reactor stops before it takes it.
	mu        sync.Mutex
	conn      net.Conn
	abandoned bool
}

// offer hands the dialled conn over, or closes it if the attempt was
// given up; it reports whether it handed it over.
func (a *attempt) offer(conn net.Conn) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.abandoned {
		conn.Close()
		return false
	}
	a.conn = conn
	return true
}

// take returns the connection offered.
func (a *attempt) take() net.Conn {
	a.mu.Lock()
	defer a.mu.Unlock()
	conn := a.conn
	a.conn = nil
	return conn
}

// abandon gives the attempt up: a connection offered, or offered later,
// is closed.
func (a *attempt) abandon() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.abandoned = true
	if a.conn != nil {
		a.conn.Close()
		a.conn = nil
	}
}

var _ protocol.IConnector = (*Connector)(nil)

// Connect starts connecting: factory.DoStart (the first time),
// StartedConnecting, then the dial, on a goroutine. It panics with a
// RuntimeError unless the connector is disconnected.
func (c *Connector) Connect() {
	if c.state != disconnected {
		panic(twisted.RuntimeError.New("can't connect in this state"))
	}
	c.state = connecting
	if !c.factoryStarted {
		c.factory.DoStart()
		c.factoryStarted = true
	}
	ctx, cancel := context.WithCancel(context.Background())
	a := &attempt{cancel: cancel}
	c.attempt = a
	if !c.r.net.trackConnector(c, true) {
		// The reactor has stopped: the attempt never ends, as in Twisted.
		c.r.guard(func() { c.factory.StartedConnecting(c) })
		return
	}
	a.timer = c.r.CallLater(c.timeout, func() {
		c.failIfNotConnected(a, twisted.NewFailure(TimeoutError.New()))
	})
	c.r.guard(func() { c.factory.StartedConnecting(c) })
	addr := net.JoinHostPort(c.host, strconv.Itoa(c.port))
	c.r.net.goroutine(func() {
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", addr)
		cancel()
		if err == nil && !a.offer(conn) {
			return
		}
		c.r.CallFromThread(func() { c.dialed(a, err) })
	})
}

// dialed ends an attempt, on the reactor goroutine: err, or the
// connection offered.
func (c *Connector) dialed(a *attempt, err error) {
	if a.finished || c.attempt != a {
		return // given up: the connection is closed
	}
	if err != nil {
		reason := a.reason
		if reason == nil {
			reason = twisted.NewFailure(ConnectErrorFor(err))
		}
		c.connectionFailed(a, reason)
		return
	}
	conn := a.take()
	// Twisted's connector is connected from BuildProtocol on.
	c.state = connected
	var proto protocol.IProtocol
	f := c.r.guard(func() { proto = c.factory.BuildProtocol(conn.RemoteAddr()) })
	if f == nil && proto == nil {
		f = twisted.NewFailure(NoProtocol.New())
	}
	if f != nil {
		conn.Close()
		c.connectionFailed(a, f)
		return
	}
	a.finished = true
	a.timer.Cancel()
	c.attempt = nil
	c.r.net.trackConnector(c, false)
	c.conn = newTCPConn(c.r, conn.(*net.TCPConn), proto, c)
}

// failIfNotConnected cuts a dial short with reason.
func (c *Connector) failIfNotConnected(a *attempt, reason *twisted.Failure) {
	if a.finished || a.reason != nil {
		return
	}
	a.reason = reason
	a.cancel()
	c.connectionFailed(a, reason)
}

// connectionFailed is Twisted's BaseConnector.connectionFailed.
func (c *Connector) connectionFailed(a *attempt, reason *twisted.Failure) {
	if a.finished {
		return
	}
	a.finished = true
	a.abandon()
	if a.timer != nil { // nil for an attempt made after the reactor stopped
		a.timer.Cancel()
	}
	if c.attempt == a {
		c.attempt = nil
	}
	c.r.net.trackConnector(c, false)
	c.state = disconnected
	c.r.guard(func() { c.factory.ClientConnectionFailed(c, reason) })
	c.maybeStop()
}

// connectionLost is Twisted's BaseConnector.connectionLost, called after
// the protocol's ConnectionLost.
func (c *Connector) connectionLost(reason *twisted.Failure) {
	c.state = disconnected
	c.conn = nil
	c.r.guard(func() { c.factory.ClientConnectionLost(c, reason) })
	c.maybeStop()
}

// maybeStop stops the factory unless it connected again.
func (c *Connector) maybeStop() {
	if c.state == disconnected && c.factoryStarted {
		c.factoryStarted = false
		c.r.guard(c.factory.DoStop)
	}
}

// StopConnecting stops the attempt in progress: the factory's
// ClientConnectionFailed gets a UserError. It panics with a
// NotConnectingError if the connector is not connecting.
func (c *Connector) StopConnecting() {
	if c.state != connecting || c.attempt == nil {
		panic(NotConnectingError.New())
	}
	c.failIfNotConnected(c.attempt, twisted.NewFailure(UserError.New()))
}

// Disconnect stops connecting, or loses the connection if connected.
func (c *Connector) Disconnect() {
	switch c.state {
	case connecting:
		c.StopConnecting()
	case connected:
		c.conn.LoseConnection()
	}
}

// GetDestination returns the address connected to: a *net.TCPAddr when
// host is an IP address, else an address whose String is host:port.
func (c *Connector) GetDestination() net.Addr {
	if ip := net.ParseIP(c.host); ip != nil {
		return &net.TCPAddr{IP: ip, Port: c.port}
	}
	return hostAddr(net.JoinHostPort(c.host, strconv.Itoa(c.port)))
}

// hostAddr is a TCP destination named by a host name.
type hostAddr string

func (h hostAddr) Network() string { return "tcp" }
func (h hostAddr) String() string  { return string(h) }

// shutdown fails an attempt in progress as the reactor stops.
func (c *Connector) shutdown() {
	if a := c.attempt; a != nil {
		c.failIfNotConnected(a, twisted.NewFailure(ConnectError.New("Connection lost")))
	} else {
		c.r.net.trackConnector(c, false)
	}
}
