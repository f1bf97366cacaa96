package flow_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"runtime"
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
	stopped                   bool
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
// read everything and queue its echo in memory.
func TestBackpressurePeerNeverReadsTCP(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	spy := &transportSpy{}
	port := listenSpied(t, r, spy)
	const offered = 64 << 20
	heapBefore := heapInUse()
	var heapGrowth uint64
	spy.onPause = func() {
		if spy.pauses == 1 {
			// One reading: a second one for the min could be the
			// larger, and the difference wrap around.
			heapNow := heapInUse()
			heapGrowth = heapNow - min(heapBefore, heapNow)
			stopOn(r, port)
		}
	}
	spy.onData = func() {
		if spy.received > offered/4 && !spy.stopped {
			spy.stopped = true // no backpressure: end the test
			stopOn(r, port)
		}
	}
	wrote := make(chan int, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			c, err := dialSmallWindow(port.GetHost().String())
			if err != nil {
				wrote <- -1
				return
			}
			defer c.Close()
			block := bytes.Repeat([]byte(echoLine), 4096)
			n := 0
			for n < offered {
				m, err := c.Write(block)
				n += m
				if err != nil {
					break // the server went away: the reactor stopped
				}
			}
			wrote <- n
		})
	})
	assert.NilError(t, r.Run())
	n := <-wrote
	assert.Assert(t, spy.pauses >= 1, "the flow was never paused; it read %d bytes", spy.received)
	assert.Equal(t, spy.dataWhilePaused, 0)
	assert.Assert(t, spy.received <= offered/4, "the server read %d bytes before pausing", spy.received)
	assert.Assert(t, heapGrowth <= 8<<20, "the server's heap grew by %d bytes before pausing", heapGrowth)
	assert.Assert(t, n < offered, "the peer wrote all it offered (%d bytes)", n)
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
	got := readAfterPause(r, port, spy, func(c net.Conn) {
		go c.Write(want)
	}, func(c net.Conn) []byte {
		return readN(c, len(want))
	})
	assert.NilError(t, r.Run())
	b := <-got
	assert.Equal(t, len(b), len(want))
	assert.Assert(t, bytes.Equal(b, want))
	assert.Assert(t, spy.pauses >= 1 && spy.resumes >= 1, "paused %d times, resumed %d", spy.pauses, spy.resumes)
	assert.Equal(t, spy.dataWhilePaused, 0)
}

// readAfterPause connects a peer to port from a thread once r runs: it
// calls start with the connection, then, from the flow's first pause on
// (seen by spy), read, whose result it sends on the channel it returns;
// then it closes the connection and stops r.
func readAfterPause(r *reactor.Reactor, port reactor.IListeningPort, spy *transportSpy, start func(net.Conn), read func(net.Conn) []byte) <-chan []byte {
	paused := make(chan struct{})
	spy.onPause = func() {
		if spy.pauses == 1 {
			close(paused)
		}
	}
	got := make(chan []byte, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			defer r.CallFromThread(func() { stopOn(r, port) })
			c, err := dialSmallWindow(port.GetHost().String())
			if err != nil {
				got <- nil
				return
			}
			defer c.Close()
			start(c)
			<-paused
			got <- read(c)
		})
	})
	return got
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
	paused := make(chan struct{})
	spy.onPause = func() {
		if spy.pauses == 1 {
			spy.ITransport.LoseConnection()
			close(paused)
		}
	}
	read := make(chan int, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			defer r.CallFromThread(func() { stopOn(r, port) })
			c, err := dialSmallWindow(port.GetHost().String())
			if err != nil {
				read <- -1
				return
			}
			defer c.Close()
			go c.Write(numberedLines(400000)) // ends with an error once closed
			<-paused
			n, _ := io.Copy(io.Discard, c) // to the server's close
			read <- int(n)
		})
	})
	assert.NilError(t, r.Run())
	assert.Assert(t, <-read > 0)
	assert.Equal(t, spy.dataWhilePaused, 0)
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
		got := readAfterPause(r, port, spy, func(net.Conn) {}, func(c net.Conn) []byte {
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
		assert.NilError(t, r.Run())
		b := <-got
		want := numberedLines(lines)
		assert.Equal(t, len(b), len(want), "pull %v", pull)
		assert.Assert(t, bytes.Equal(b, want), "pull %v", pull)
		assert.Assert(t, spy.pauses >= 1 && spy.resumes >= 1, "pull %v: paused %d times, resumed %d", pull, spy.pauses, spy.resumes)
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
	got := readAfterPause(r, port, spy, func(net.Conn) {}, func(c net.Conn) []byte {
		b, _ := io.ReadAll(c)
		return b
	})
	assert.NilError(t, r.Run())
	b := <-got
	want := numberedLines(lines)
	assert.Assert(t, unregistered, "the flow was never paused")
	assert.Equal(t, len(b), len(want))
	assert.Assert(t, bytes.Equal(b, want))
	assert.Assert(t, !spy.paused, "the transport's reading stayed paused")
	assert.Equal(t, spy.pauses, 1)
}
