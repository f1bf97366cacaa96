package reactor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// TestEcho: a client sends, the server echoes, the client hangs up; the
// events and reasons of both sides and both factories are Twisted's
// (recorded with python3-twisted: the client's ConnectionLost, then
// clientConnectionLost, both ConnectionDone "Connection was closed
// cleanly.").
func TestEcho(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	// The reactor stops once both ends are lost: stopping it earlier
	// would lose the server's end with ConnectionLost, as in Twisted.
	var port IListeningPort
	var server *echo
	lost := 0
	bothLost := func() {
		if lost++; lost == 2 {
			port.StopListening().AddCallback(func(any) (any, error) {
				stop(r)
				return nil, nil
			})
		}
	}
	sf := serverFactory(func() protocol.IProtocol {
		server = &echo{onLost: func(*twisted.Failure) { bothLost() }}
		return server
	})
	var serverEvents []string
	sf.OnStart = func() { serverEvents = append(serverEvents, "start") }
	sf.OnStop = func() { serverEvents = append(serverEvents, "stop") }
	port = listen(t, r, sf)
	if port.GetHost().Port == 0 {
		t.Fatal("GetHost().Port is 0")
	}
	client := &sender{payload: []byte("hello, world")}
	cf := newClientFactory(func() protocol.IProtocol { return client })
	var clientHost, clientPeer, serverPeer net.Addr
	client.done = func(*sender) { bothLost() }
	r.CallWhenRunning(func() {
		r.ConnectTCP("127.0.0.1", port.GetHost().Port, cf, 5)
	})
	run(t, r)

	if string(client.got) != "hello, world" {
		t.Errorf("client got %q", client.got)
	}
	clientHost, clientPeer = client.Transport.GetHost(), client.Transport.GetPeer()
	serverPeer = server.Transport.GetPeer()
	if clientPeer.(*net.TCPAddr).Port != port.GetHost().Port || clientHost.String() != serverPeer.String() {
		t.Errorf("addresses: client host %v peer %v, server peer %v, port %v", clientHost, clientPeer, serverPeer, port.GetHost())
	}
	want := []string{"start", "startedConnecting", "lost ConnectionDone: Connection was closed cleanly.", "stop"}
	if diff := cmp.Diff(want, cf.events); diff != "" {
		t.Errorf("client factory events (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"made", "lost"}, client.events); diff != "" {
		t.Errorf("client events (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"start", "stop"}, serverEvents); diff != "" {
		t.Errorf("server factory events (-want +got):\n%s", diff)
	}
	for name, reason := range map[string]*twisted.Failure{"client": client.lost, "server": server.lost} {
		if reason == nil || reason.Check(ConnectionDone) == nil || reason.Value.Error() != "Connection was closed cleanly." {
			t.Errorf("%s lost with %v, want ConnectionDone", name, reason)
		}
	}
}

// TestLargeTransfer echoes 16 MiB (4 under the race detector) in one
// write: every byte comes back, in order.
func TestLargeTransfer(t *testing.T) {
	leakcheck.Check(t)
	size := 16 << 20
	if raceEnabled {
		size = 4 << 20
	}
	payload := make([]byte, size)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range payload {
		payload[i] = byte(rng.Uint32())
	}
	r := New()
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return &echo{} }))
	client := &sender{payload: payload, done: func(*sender) { stop(r) }}
	r.ConnectTCP("127.0.0.1", port.GetHost().Port, newClientFactory(func() protocol.IProtocol { return client }), 5)
	run(t, r)
	if !bytes.Equal(client.got, payload) {
		t.Fatalf("got %d bytes back, want the %d sent, in order", len(client.got), len(payload))
	}
}

// TestManyConnections: 1,000 clients (200 under the race detector) echo
// at the same time through one reactor; each gets its own bytes back.
func TestManyConnections(t *testing.T) {
	leakcheck.Check(t)
	n := 1000
	if raceEnabled {
		n = 200
	}
	r := New()
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return &echo{} }))
	clients := make([]*sender, n)
	left := n
	for i := range clients {
		payload := bytes.Repeat([]byte(fmt.Sprintf("<%d>", i)), 1000+i)
		clients[i] = &sender{payload: payload, done: func(*sender) {
			if left--; left == 0 {
				stop(r)
			}
		}}
		c := clients[i]
		r.ConnectTCP("127.0.0.1", port.GetHost().Port, newClientFactory(func() protocol.IProtocol { return c }), 30)
	}
	run(t, r)
	for i, c := range clients {
		if !bytes.Equal(c.got, c.payload) {
			t.Fatalf("client %d: got %d bytes, want its %d back in order", i, len(c.got), len(c.payload))
		}
		if c.lost.Check(ConnectionDone) == nil {
			t.Fatalf("client %d lost with %v", i, c.lost)
		}
	}
}

// dialRaw connects a plain Go client to port.
func dialRaw(t *testing.T, port int, rcvbuf int) *net.TCPConn {
	t.Helper()
	d := net.Dialer{}
	if rcvbuf > 0 {
		d.Control = func(_, _ string, c syscall.RawConn) error {
			return c.Control(func(fd uintptr) {
				syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcvbuf)
			})
		}
	}
	c, err := d.Dial("tcp4", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	return c.(*net.TCPConn)
}

// TestPeerReset: a peer that resets the connection mid-stream gives the
// protocol ConnectionLost with a ConnectionLost failure wrapping the Go
// error.
func TestPeerReset(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	var server *echo
	port := listen(t, r, serverFactory(func() protocol.IProtocol {
		server = &echo{onLost: func(*twisted.Failure) { stop(r) }}
		return server
	}))
	raw := dialRaw(t, port.GetHost().Port, 0)
	go func() {
		raw.Write([]byte("ping"))
		buf := make([]byte, 4)
		io.ReadFull(raw, buf) // the server has the connection and echoes
		raw.Write(bytes.Repeat([]byte("x"), 1<<16))
		raw.SetLinger(0)
		raw.Close()
	}()
	run(t, r)
	if server.lost.Check(ConnectionLost) == nil || server.lost.Check(ConnectionAborted) != nil {
		t.Fatalf("lost with %v, want ConnectionLost", server.lost)
	}
	if !errors.Is(server.lost, syscall.ECONNRESET) && !errors.Is(server.lost, syscall.EPIPE) {
		t.Errorf("reason %v does not wrap ECONNRESET or EPIPE: %#v", server.lost, server.lost.Value)
	}
	if server.lost.Value.Error() != "Connection to the other side was lost in a non-clean fashion." {
		t.Errorf("str(reason) = %q", server.lost.Value.Error())
	}
}

// writeThen is a server protocol that writes payload on ConnectionMade
// (or, with onData, once it has data from the peer), then calls end
// (LoseConnection or AbortConnection).
type writeThen struct {
	protocol.Protocol
	payload      []byte
	abort        bool
	onData       bool
	lostInAbort  bool
	lost         *twisted.Failure
	onLost       func()
	dataAfterEnd bool
	ended        bool
}

func (w *writeThen) ConnectionMade() {
	if !w.onData {
		w.end()
	}
}

func (w *writeThen) end() {
	w.Transport.Write(w.payload)
	w.ended = true
	if w.abort {
		w.Transport.AbortConnection()
		w.lostInAbort = w.lost != nil
	} else {
		w.Transport.LoseConnection()
	}
}

func (w *writeThen) DataReceived([]byte) {
	if w.ended {
		w.dataAfterEnd = true
	} else if w.onData {
		w.end()
	}
}

func (w *writeThen) ConnectionLost(reason *twisted.Failure) {
	w.lost = reason
	w.onLost()
}

// TestLoseConnectionFlushes: LoseConnection sends all that was written,
// then closes cleanly; the peer reads every byte then EOF. The server
// writes once it has read what the peer sent: closing a socket with data
// unread resets the connection, in Twisted as here, and drops what the
// kernel had yet to send.
func TestLoseConnectionFlushes(t *testing.T) {
	leakcheck.Check(t)
	payload := bytes.Repeat([]byte("0123456789abcdef"), 1<<18) // 4 MiB
	r := New()
	var server *writeThen
	port := listen(t, r, serverFactory(func() protocol.IProtocol {
		server = &writeThen{payload: payload, onData: true, onLost: func() {}}
		return server
	}))
	raw := dialRaw(t, port.GetHost().Port, 0)
	defer raw.Close()
	got := make(chan []byte)
	go func() {
		raw.Write([]byte("go on"))
		b, _ := io.ReadAll(raw)
		got <- b
	}()
	var b []byte
	go func() {
		b = <-got
		r.CallFromThread(func() { stop(r) })
	}()
	run(t, r)
	if !bytes.Equal(b, payload) {
		t.Fatalf("peer read %d bytes, want %d", len(b), len(payload))
	}
	if server.lost.Check(ConnectionDone) == nil {
		t.Errorf("lost with %v, want ConnectionDone", server.lost)
	}
	if server.dataAfterEnd {
		t.Error("DataReceived after LoseConnection")
	}
}

// TestAbortConnection: AbortConnection drops what is queued and resets
// the connection; ConnectionLost, with ConnectionAborted, comes on a later
// reactor iteration, not from inside AbortConnection.
func TestAbortConnection(t *testing.T) {
	leakcheck.Check(t)
	payload := bytes.Repeat([]byte("x"), 64<<20)
	r := New()
	var server *writeThen
	port := listen(t, r, serverFactory(func() protocol.IProtocol {
		server = &writeThen{payload: payload, abort: true, onLost: func() {}}
		return server
	}))
	raw := dialRaw(t, port.GetHost().Port, 0)
	defer raw.Close()
	type result struct {
		n   int64
		err error
	}
	got := make(chan result, 1)
	go func() {
		n, err := io.Copy(io.Discard, raw)
		got <- result{n, err}
		r.CallFromThread(func() { stop(r) })
	}()
	run(t, r)
	res := <-got
	if server.lostInAbort {
		t.Error("ConnectionLost called from inside AbortConnection")
	}
	if server.lost.Check(ConnectionAborted) == nil {
		t.Errorf("lost with %v, want ConnectionAborted", server.lost)
	}
	if res.n >= int64(len(payload)) || !errors.Is(res.err, syscall.ECONNRESET) {
		t.Errorf("peer read %d of %d bytes, then %v: want fewer, then a reset", res.n, len(payload), res.err)
	}
}

// TestConnectionRefused: ClientConnectionFailed gets Twisted's
// ConnectionRefusedError (str recorded from python3-twisted), then the
// factory stops.
func TestConnectionRefused(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	cf := newClientFactory(func() protocol.IProtocol { t.Error("BuildProtocol called"); return nil })
	cf.OnStop = func() { cf.events = append(cf.events, "stop"); stop(r) }
	r.ConnectTCP("127.0.0.1", refusedPort(t), cf, 5)
	run(t, r)
	want := []string{"start", "startedConnecting", "failed ConnectionRefusedError: Connection was refused by other side: 111: Connection refused.", "stop"}
	if diff := cmp.Diff(want, cf.events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// TestStopConnecting: StopConnecting fails the attempt with UserError;
// Disconnect on a connecting connector does the same.
func TestStopConnecting(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return &echo{} }))
	cf := newClientFactory(func() protocol.IProtocol { t.Error("BuildProtocol called"); return nil })
	r.CallWhenRunning(func() {
		c := r.ConnectTCP("127.0.0.1", port.GetHost().Port, cf, 5)
		c.StopConnecting()
		func() {
			defer func() {
				if err, _ := recover().(error); !errors.Is(err, NotConnectingError) {
					t.Errorf("second StopConnecting: recovered %v, want NotConnectingError", err)
				}
			}()
			c.StopConnecting()
		}()
		stop(r)
	})
	run(t, r)
	want := []string{"start", "startedConnecting", "failed UserError: User aborted connection.", "stop"}
	if diff := cmp.Diff(want, cf.events); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// TestStopListening: the Deferred fires once the port is closed and the
// factory stopped; the connection it accepted stays up; new ones are
// refused.
func TestStopListening(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	sf := serverFactory(func() protocol.IProtocol { return &echo{} })
	port := listen(t, r, sf)
	portNum := port.GetHost().Port
	var fired bool
	second := &sender{payload: []byte("still there")}
	var refused *clientFactory
	first := &sender{payload: []byte("first"), done: func(*sender) {}}
	var events []string
	first.done = nil
	firstCF := newClientFactory(func() protocol.IProtocol { return first })
	_ = second
	// Once the first client has its echo, stop listening, then talk again
	// on the same connection, then try a new one.
	first.payload = []byte("ping")
	checker := &pingTwice{}
	checkerCF := newClientFactory(func() protocol.IProtocol { return checker })
	checker.onFirst = func() {
		port.StopListening().AddCallback(func(any) (any, error) {
			fired = true
			events = append(events, fmt.Sprintf("stopped, factory ports %d", sf.NumPorts))
			checker.Transport.Write([]byte("pong"))
			return nil, nil
		})
	}
	checker.onSecond = func() {
		refused = newClientFactory(func() protocol.IProtocol { return &echo{} })
		refused.OnStop = func() { refused.events = append(refused.events, "stop"); stop(r) }
		r.ConnectTCP("127.0.0.1", portNum, refused, 5)
	}
	_ = firstCF
	r.ConnectTCP("127.0.0.1", portNum, checkerCF, 5)
	run(t, r)
	if !fired {
		t.Fatal("StopListening's Deferred never fired")
	}
	if diff := cmp.Diff([]string{"stopped, factory ports 0"}, events); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(refused.events) < 3 || refused.events[2][:len("failed ConnectionRefusedError")] != "failed ConnectionRefusedError" {
		t.Errorf("new connection after StopListening: %v", refused.events)
	}
	if d := port.StopListening(); !d.Called() {
		t.Error("StopListening on a stopped port: Deferred not fired")
	}
}

// pingTwice sends "ping", and calls onFirst when it comes back, then
// onSecond when the next data comes.
type pingTwice struct {
	protocol.Protocol
	n                 int
	onFirst, onSecond func()
}

func (p *pingTwice) ConnectionMade() { p.Transport.Write([]byte("ping")) }
func (p *pingTwice) DataReceived([]byte) {
	p.n++
	if p.n == 1 {
		p.onFirst()
	} else if p.n == 2 {
		p.onSecond()
	}
}

// TestReactorStopTearsDown: stopping the reactor loses every connection
// with ConnectionLost, stops its ports, and leaves no goroutine and no
// file descriptor (leakcheck.Check).
func TestReactorStopTearsDown(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	sf := serverFactory(func() protocol.IProtocol { return &echo{} })
	port := listen(t, r, sf)
	var servers []*echo
	sf.Protocol = func() protocol.IProtocol { e := &echo{}; servers = append(servers, e); return e }
	checkers := make([]*pingTwice, 3)
	got := 0
	for i := range checkers {
		checkers[i] = &pingTwice{onFirst: func() {
			if got++; got == len(checkers) {
				stop(r)
			}
		}}
		c := checkers[i]
		r.ConnectTCP("127.0.0.1", port.GetHost().Port, newClientFactory(func() protocol.IProtocol { return c }), 5)
	}
	pending := newClientFactory(func() protocol.IProtocol { return &echo{} })
	run(t, r)
	_ = pending
	if len(servers) != len(checkers) {
		t.Fatalf("%d server protocols, want %d", len(servers), len(checkers))
	}
	for i, s := range servers {
		if s.lost == nil || s.lost.Check(ConnectionLost) == nil {
			t.Errorf("server %d lost with %v, want ConnectionLost", i, s.lost)
		}
	}
	if sf.NumPorts != 0 {
		t.Errorf("factory still used by %d ports", sf.NumPorts)
	}
}

// stepWriter writes records of varying sizes, one per reactor iteration
// (some taken by the kernel at once, some queued behind a busy writer,
// some as WriteSequence), then closes the connection.
type stepWriter struct {
	protocol.Protocol
	r       *Reactor
	records [][]byte
	lost    func()
}

func (s *stepWriter) ConnectionMade() { s.step(0) }

func (s *stepWriter) step(i int) {
	if i == len(s.records) {
		s.Transport.LoseConnection()
		return
	}
	if rec := s.records[i]; i%3 == 2 {
		s.Transport.WriteSequence([][]byte{rec[:len(rec)/2], rec[len(rec)/2:]})
	} else {
		s.Transport.Write(rec)
	}
	s.r.CallLater(0, func() { s.step(i + 1) })
}

func (s *stepWriter) ConnectionLost(*twisted.Failure) { s.lost() }

// TestWritesKeepOrder: whether a write goes straight to the kernel or is
// queued behind data the writer is still sending, the peer reads every
// byte in the order written.
func TestWritesKeepOrder(t *testing.T) {
	leakcheck.Check(t)
	var records [][]byte
	want := []byte{}
	for i := range 150 {
		rec := bytes.Repeat([]byte{byte(i)}, 1+(i*7919)%100_000)
		records = append(records, rec)
		want = append(want, rec...)
	}
	r := New()
	server := &stepWriter{r: r, records: records, lost: func() { stop(r) }}
	port := listen(t, r, serverFactory(func() protocol.IProtocol { return server }))
	raw := dialRaw(t, port.GetHost().Port, 8192) // a slow reader keeps the writer busy
	got := readAllThenClose(raw)
	run(t, r)
	port.StopListening()
	if b := <-got; !bytes.Equal(b, want) {
		i := 0
		for i < min(len(b), len(want)) && b[i] == want[i] {
			i++
		}
		t.Fatalf("peer read %d bytes, want %d; they differ from byte %d", len(b), len(want), i)
	}
}
