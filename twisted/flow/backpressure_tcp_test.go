package flow_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"runtime"
	"sync/atomic"
	"syscall"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// transportSpy stands between a flow protocol and its TCP transport,
// which it forwards to, counting the bytes delivered to the flow and
// recording when the transport pauses and resumes the flow.
type transportSpy struct {
	protocol.ITransport
	received                  int
	paused                    bool
	pauses, resumes           int
	onPause, onResume, onData func()
	// dataWhilePaused counts the chunks delivered while paused, which
	// must be none.
	dataWhilePaused int
}

func (s *transportSpy) RegisterProducer(p protocol.IProducer, streaming bool) {
	s.ITransport.(protocol.IConsumer).RegisterProducer(p, streaming)
}

func (s *transportSpy) UnregisterProducer() {
	s.ITransport.(protocol.IConsumer).UnregisterProducer()
}

func (s *transportSpy) RegisteredProducer() protocol.IProducer {
	return s.ITransport.(interface{ RegisteredProducer() protocol.IProducer }).RegisteredProducer()
}

func (s *transportSpy) PauseProducing() {
	s.paused = true
	s.pauses++
	s.ITransport.(protocol.IPushProducer).PauseProducing()
	if s.onPause != nil {
		s.onPause()
	}
}

func (s *transportSpy) ResumeProducing() {
	s.paused = false
	s.resumes++
	if s.onResume != nil {
		s.onResume()
	}
	s.ITransport.(protocol.IPushProducer).ResumeProducing()
}

func (s *transportSpy) StopProducing() {
	s.ITransport.(protocol.IPushProducer).StopProducing()
}

func (s *transportSpy) IsDisconnecting() bool {
	return s.ITransport.(interface{ IsDisconnecting() bool }).IsDisconnecting()
}

// spiedLineEcho is lineEchoServer over a transportSpy, which it fills
// in.
func spiedLineEcho(spy *transportSpy) func(*flow.Protocol) flow.Generator {
	return func(conn *flow.Protocol) flow.Generator {
		spy.ITransport = conn.Transport
		conn.Transport = spy
		return func(yield func(any) bool) error {
			lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n", Trailer: true})
			for yield(lines) {
				line, err := lines.Next()
				if err != nil {
					return err
				}
				conn.Write(line)
				conn.Write("\n")
			}
			return nil
		}
	}
}

// countingProtocol is a flow protocol that counts in its spy what the
// transport delivers to it.
type countingProtocol struct {
	*flow.Protocol
	spy *transportSpy
}

func (c *countingProtocol) DataReceived(data []byte) {
	c.spy.received += len(data)
	if c.spy.paused {
		c.spy.dataWhilePaused++
	}
	if c.spy.onData != nil {
		c.spy.onData()
	}
	c.Protocol.DataReceived(data)
}

// listenSpied serves a line echo flow whose transport spy is spy.
func listenSpied(t *testing.T, r *reactor.Reactor, spy *transportSpy) reactor.IListeningPort {
	t.Helper()
	build := flow.MakeProtocolOn(r, spiedLineEcho(spy))
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: func() protocol.IProtocol {
		return &countingProtocol{Protocol: build().(*flow.Protocol), spy: spy}
	}}, reactor.Interface("127.0.0.1"))
	assert.NilError(t, err)
	return port
}

// dialSmallWindow connects to addr with a 4 KiB receive buffer, so that
// what the server sends and the peer does not read stays small in the
// kernel (a large one would let the server read megabytes before its own
// buffer fills).
func dialSmallWindow(addr string) (net.Conn, error) {
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
	}}
	return d.Dial("tcp", addr)
}

// stopOn stops r, once port has stopped listening.
func stopOn(r *reactor.Reactor, port reactor.IListeningPort) {
	port.StopListening().AddBoth(func(any) (any, error) { return nil, r.Stop() })
}

// A peer that sends far more than it reads: the line echo flow stops
// reading once 64 KiB of its echo wait to be sent (its transport pauses
// it), and no data reaches it while paused; by then it has read a few
// MiB of the 64 MiB offered (what the kernel's buffers took of its echo,
// and the 64 KiB its transport holds), its heap has grown by little more,
// and the peer cannot write the rest. Without the pause, the server would
// read everything and queue its echo in memory. The run ends at the
// first pause; also, so as to fail rather than wait, once the server has
// read a quarter of the offer, at the peer's failed dial or end, or when
// nothing moves for noProgressBound.
func TestBackpressurePeerNeverReadsTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	spy := &transportSpy{}
	port := listenSpied(t, r, spy)
	const offered = 64 << 20
	const endedPaused = "the flow's first pause"
	var wrote atomic.Int64
	w := newTCPRun(r, port, func() string {
		return fmt.Sprintf("the server read %d bytes (%d while paused), paused %d times, resumed %d; the peer wrote %d of %d",
			spy.received, spy.dataWhilePaused, spy.pauses, spy.resumes, wrote.Load(), offered)
	})
	heapBefore := heapInUse()
	var heapGrowth uint64
	spy.onPause = func() {
		if spy.pauses == 1 {
			// One reading: a second one for the min could be the
			// larger, and the difference wrap around.
			heapNow := heapInUse()
			heapGrowth = heapNow - min(heapBefore, heapNow)
			w.stop(endedPaused)
		}
	}
	spy.onData = func() {
		if spy.received > offered/4 {
			w.stop("the server reading a quarter of the offer (no backpressure)")
		}
	}
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			c, err := dialSmallWindow(port.GetHost().String())
			if err != nil {
				w.stopFromThread("the peer's dial: " + err.Error())
				return
			}
			defer c.Close()
			block := bytes.Repeat([]byte(echoLine), 4096)
			for wrote.Load() < offered {
				m, err := c.Write(block)
				wrote.Add(int64(m))
				if err != nil { // the server went away: the reactor stopped, or the connection was lost
					w.stopFromThread("the peer's write: " + err.Error())
					return
				}
			}
			w.stopFromThread("the peer writing all it offered")
		})
	})
	w.run(t)
	assert.Equal(t, w.ended, endedPaused, "%v", w)
	assert.Equal(t, spy.dataWhilePaused, 0, "%v", w)
	assert.Assert(t, spy.received <= offered/4, "%v", w)
	assert.Assert(t, heapGrowth <= 8<<20, "the server's heap grew by %d bytes before pausing; %v", heapGrowth, w)
	assert.Assert(t, wrote.Load() < offered, "%v", w)
}

// readN reads n bytes from c, or what comes before the connection ends.
func readN(c net.Conn, n int) []byte {
	b := make([]byte, n)
	k, _ := io.ReadFull(c, b)
	return b[:k]
}

// heapInUse returns the bytes of live heap objects after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// A peer that writes 4 MB of lines before it reads (from another
// goroutine, once the server has paused) gets every line back, in order:
// the flow, paused while its echo waits to be sent, is resumed as the
// peer reads, each time, and reads again where it stopped. The peer
// closes once it has read it all: a half-close after writing would end
// the connection at the server, dropping what it had not sent yet, as
// Twisted does (TestPeerHalfCloseDropsUnsent; issue 20's stall, where the
// echo came back short once in about thirty runs).
func TestBackpressureWriteAllThenReadTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	spy := &transportSpy{}
	port := listenSpied(t, r, spy)
	want := numberedLines(400000)
	p := readAfterPause(r, port, spy, nil, func(c net.Conn) {
		go c.Write(want)
	}, func(c net.Conn) []byte {
		return readN(c, len(want))
	})
	p.run(t)
	b := <-p.got
	assert.Equal(t, p.ended, endedByPeer, "%v", p)
	assert.Equal(t, len(b), len(want), "%v", p)
	assert.Assert(t, bytes.Equal(b, want), "%v", p)
	assert.Assert(t, spy.pauses >= 1 && spy.resumes >= 1, "%v", p)
	assert.Equal(t, spy.dataWhilePaused, 0, "%v", p)
}

// A pausedPeer is a run whose peer connects to the server, starts, and
// reads from the flow's first pause on (see readAfterPause).
type pausedPeer struct {
	*tcpRun
	read atomic.Int64 // bytes the peer has read
	got  chan []byte  // what it read, once the run has ended
}

// readAfterPause connects a peer to port from a thread once r runs: it
// calls start with the connection, then, from the flow's first pause on
// (seen by spy), read, whose result it sends on got; then it closes the
// connection and ends the run (endedByPeer). A failed dial ends the run,
// and a pause that never comes ends it after noProgressBound. made, if
// not nil, is what the flow has made, for the state a failure shows.
func readAfterPause(r *reactor.Reactor, port reactor.IListeningPort, spy *transportSpy, made *int,
	start func(net.Conn), read func(net.Conn) []byte) *pausedPeer {
	p := &pausedPeer{got: make(chan []byte, 1)}
	p.tcpRun = newTCPRun(r, port, func() string {
		s := fmt.Sprintf("the server read %d bytes (%d chunks while paused), paused %d times, resumed %d, paused %v; the peer read %d",
			spy.received, spy.dataWhilePaused, spy.pauses, spy.resumes, spy.paused, p.read.Load())
		if made != nil {
			s += fmt.Sprintf("; the flow made %d", *made)
		}
		return s
	})
	paused := make(chan struct{})
	spy.onPause = func() {
		if spy.pauses == 1 {
			close(paused)
		}
	}
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			var b []byte
			defer func() { p.got <- b }()
			c, err := dialSmallWindow(port.GetHost().String())
			if err != nil {
				p.stopFromThread("the peer's dial: " + err.Error())
				return
			}
			defer c.Close()
			start(c)
			if !waitOrStopped(r, paused) {
				return
			}
			b = read(countedConn{c, &p.read})
			p.stopFromThread(endedByPeer)
		})
	})
	return p
}

// A flow paused by its transport whose controller closes the connection
// itself (LoseConnection) and waits on: once what it wrote has been sent,
// the connection closes, as it does without a producer (a paused
// streaming producer would otherwise hold it open, as in Twisted, until
// unregistered), and the flow ends.
func TestBackpressureLoseConnectionWhilePausedTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	spy := &transportSpy{}
	port := listenSpied(t, r, spy)
	p := readAfterPause(r, port, spy, nil, func(c net.Conn) {
		go c.Write(numberedLines(400000)) // ends with an error once closed
	}, func(c net.Conn) []byte {
		io.Copy(io.Discard, c) // to the server's close
		return nil
	})
	onPause := spy.onPause
	spy.onPause = func() {
		if spy.pauses == 1 {
			spy.ITransport.LoseConnection()
		}
		onPause()
	}
	p.run(t)
	<-p.got
	assert.Equal(t, p.ended, endedByPeer, "%v", p)
	assert.Assert(t, p.read.Load() > 0, "%v", p)
	assert.Equal(t, spy.dataWhilePaused, 0, "%v", p)
}

// spiedController is controller with its transport behind spy.
func spiedController(spy *transportSpy, controller func(*flow.Protocol) any) func(*flow.Protocol) any {
	return func(conn *flow.Protocol) any {
		spy.ITransport = conn.Transport
		conn.Transport = spy
		return controller(conn)
	}
}

// lineWriter is a flow that writes numbered lines without reading: n
// of them as its results (a Cooperate after each hundredth), counting the
// bytes in *made; pull hides its push mode.
func lineWriter(n int, made *int, pull bool) func(*flow.Protocol) any {
	return func(conn *flow.Protocol) any {
		g := flow.Generator(func(yield func(any) bool) error {
			for i := range n {
				line := fmt.Sprintf("line %d\n", i)
				*made += len(line)
				if !yield(line) || (i%100 == 99 && !yield(flow.Cooperate(0))) {
					return nil
				}
			}
			return nil
		})
		if pull {
			return pulled{flow.Wrap(g)}
		}
		return g
	}
}

// A flow that writes 4 MB without reading, to a peer that reads slowly
// (small reads, from the flow's first pause on): every line arrives, in
// order; the flow was paused and resumed, and ended once it had written
// everything (the connection closed after the last byte).
func TestBackpressureWriterSlowReaderTCP(t *testing.T) {
	for _, pull := range []bool{false, true} {
		leakcheck.Check(t)
		r := reactor.New()
		spy := &transportSpy{}
		made := 0
		const lines = 400000
		port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: flow.MakeProtocolOn(r,
			spiedController(spy, lineWriter(lines, &made, pull)))}, reactor.Interface("127.0.0.1"))
		assert.NilError(t, err)
		p := readAfterPause(r, port, spy, &made, func(net.Conn) {}, func(c net.Conn) []byte {
			var all bytes.Buffer
			buf := make([]byte, 512)
			for {
				n, err := c.Read(buf)
				all.Write(buf[:n])
				if err != nil {
					return all.Bytes()
				}
			}
		})
		p.run(t)
		b := <-p.got
		want := numberedLines(lines)
		assert.Equal(t, p.ended, endedByPeer, "pull %v: %v", pull, p)
		assert.Equal(t, len(b), len(want), "pull %v: %v", pull, p)
		assert.Assert(t, bytes.Equal(b, want), "pull %v: %v", pull, p)
		assert.Assert(t, spy.pauses >= 1 && spy.resumes >= 1, "pull %v: %v", pull, p)
	}
}

// A flow that writes 4 MB without reading, whose own code unregisters it
// from its TCP transport right after the write that paused it: the flow
// goes on instead of waiting for a resume the transport no longer sends
// it, unbounded as an unregistered flow is (it reads again: its reading is
// resumed), and ends; the peer, reading from the pause on, gets every
// line, in order, and the end of the connection.
func TestBackpressureUnregisteredWhilePausedTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	spy := &transportSpy{}
	const lines = 400000
	unregistered := false
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: flow.MakeProtocolOn(r,
		spiedController(spy, func(conn *flow.Protocol) any {
			return flow.Generator(func(yield func(any) bool) error {
				for i := range lines {
					conn.Write(fmt.Sprintf("line %d\n", i))
					if spy.paused && !unregistered {
						unregistered = true
						conn.Transport.(protocol.IConsumer).UnregisterProducer()
					}
					if i%100 == 99 && !yield(flow.Cooperate(0)) {
						return nil
					}
				}
				return nil
			})
		}))}, reactor.Interface("127.0.0.1"))
	assert.NilError(t, err)
	p := readAfterPause(r, port, spy, nil, func(net.Conn) {}, func(c net.Conn) []byte {
		b, _ := io.ReadAll(c)
		return b
	})
	p.run(t)
	b := <-p.got
	want := numberedLines(lines)
	assert.Equal(t, p.ended, endedByPeer, "%v", p)
	assert.Assert(t, unregistered, "the flow was never paused: %v", p)
	assert.Equal(t, len(b), len(want), "%v", p)
	assert.Assert(t, bytes.Equal(b, want), "%v", p)
	assert.Assert(t, !spy.paused, "the transport's reading stayed paused: %v", p)
	assert.Equal(t, spy.pauses, 1, "%v", p)
}
