package flow_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A peer's answer: what it read, and the error that ended its reading
// (nil: the server closed the connection, EOF).
type peerAnswer struct {
	got []byte
	err error
}

// halfClosingPeer connects to port from a thread once r runs, writes
// send, shuts down its sending half (CloseWrite, as nc -N does) once
// first is closed (at once if it is nil), and then runs read; what read
// returns comes on the channel. Then it closes the connection and stops
// r. dial is the dialer (net.Dial if nil).
func halfClosingPeer(r *reactor.Reactor, port reactor.IListeningPort, dial func(string) (net.Conn, error), send []byte, first <-chan struct{}, read func(*net.TCPConn) peerAnswer) <-chan peerAnswer {
	if dial == nil {
		dial = func(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }
	}
	answer := make(chan peerAnswer, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			defer r.CallFromThread(func() { stopOn(r, port) })
			c, err := dial(port.GetHost().String())
			if err != nil {
				answer <- peerAnswer{err: err}
				return
			}
			defer c.Close()
			tc := c.(*net.TCPConn)
			if _, err := tc.Write(send); err != nil {
				answer <- peerAnswer{err: err}
				return
			}
			if first != nil {
				select { // never closed: runBounded stops the reactor
				case <-first:
				case <-r.Done():
					answer <- peerAnswer{err: errors.New("the reactor stopped before the peer's half-close")}
					return
				}
			}
			if err := tc.CloseWrite(); err != nil {
				answer <- peerAnswer{err: err}
				return
			}
			answer <- read(tc)
		})
	})
	return answer
}

// readAll reads to the end of the connection.
func readAll(c *net.TCPConn) peerAnswer {
	got, err := io.ReadAll(c)
	return peerAnswer{got, err}
}

// endRecorder is a line echo flow that records the end of its input.
func endRecorder(end *error) func(conn *flow.Protocol) flow.Generator {
	return func(conn *flow.Protocol) flow.Generator {
		echo := lineEchoServer(conn)
		return func(yield func(any) bool) error {
			*end = echo(yield)
			return *end
		}
	}
}

// A half-closeable line echo flow over TCP: a peer that sends its lines
// and then half-closes gets every line back, and then the end of the
// connection, which the flow closes once it has read the end of its
// input. (Without the option the half-close loses the connection, and
// the echo not yet sent with it: TestPeerHalfCloseDropsUnsent.)
func TestHalfCloseLineEchoTCP(t *testing.T) {
	leakcheck.Check(t)
	r, log := protoLog()
	var end error
	port := listenFlow(t, r, endRecorder(&end), flow.HalfCloseable())
	want := numberedLines(20000)
	answer := halfClosingPeer(r, port, nil, want, nil, readAll)
	runBounded(t, r)
	a := <-answer
	assert.NilError(t, a.err)
	assert.Equal(t, len(a.got), len(want))
	assert.Assert(t, bytes.Equal(a.got, want))
	assert.Equal(t, twisted.ClassOf(end), twisted.StopIteration)
	assert.Equal(t, log.String(), "")
}

// A flow that answers once its peer has said everything (as a peer
// that half-closes expects): it reads its input to the end, and only then
// writes the lines back, last first. Over TCP, with the option, the peer
// that half-closes gets the answer and then the end; without it, the
// half-close would lose the connection before the flow writes anything.
func TestHalfCloseAnswersAfterEndTCP(t *testing.T) {
	leakcheck.Check(t)
	r, log := protoLog()
	reverser := func(conn *flow.Protocol) flow.Generator {
		return func(yield func(any) bool) error {
			lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
			var read []string
			for yield(lines) {
				line, err := lines.Next()
				if twisted.ClassOf(err) == twisted.StopIteration {
					break
				} else if err != nil {
					return err
				}
				read = append(read, line.(string)+"\n")
			}
			for i := len(read) - 1; i >= 0; i-- {
				if !yield(read[i]) {
					return nil
				}
			}
			return nil
		}
	}
	port := listenFlow(t, r, reverser, flow.HalfCloseable())
	const n = 20000
	answer := halfClosingPeer(r, port, nil, numberedLines(n), nil, readAll)
	runBounded(t, r)
	a := <-answer
	assert.NilError(t, a.err)
	var want strings.Builder
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&want, "line %d\n", i)
	}
	assert.Equal(t, len(a.got), want.Len())
	assert.Assert(t, string(a.got) == want.String())
	assert.Equal(t, log.String(), "")
}

// halfCloseWatch is a half-closeable flow protocol that records, when the
// peer half-closes, how often its transport had paused it, and how many
// lines its flow had answered.
type halfCloseWatch struct {
	flow.HalfCloseableProtocol
	spy                 *transportSpy
	answered            *int
	pausesAtHalfClose   int
	answeredAtHalfClose int
}

func (w *halfCloseWatch) ReadConnectionLost() {
	w.pausesAtHalfClose, w.answeredAtHalfClose = w.spy.pauses, *w.answered
	w.HalfCloseableProtocol.ReadConnectionLost()
}

// amplifier answers each line of its connection with the line repeated
// 10000 times (about 90 KB, more than its transport holds before it
// pauses the flow), counting the lines answered.
func amplifier(answered *int) func(conn *flow.Protocol) any {
	return func(conn *flow.Protocol) any {
		return flow.Generator(func(yield func(any) bool) error {
			lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
			for yield(lines) {
				line, err := lines.Next()
				if err != nil {
					return err
				}
				if !yield(strings.Repeat(line.(string)+"\n", 10000)) {
					return nil
				}
				*answered++
			}
			return nil
		})
	}
}

// The peer half-closes while the flow is paused on backpressure: it sends
// 200 lines (2 KB), and half-closes once the flow's transport has paused
// it (its 18 MB of answers exceed what the kernel holds, and the peer
// reads nothing until it has half-closed). The transport holds the
// half-close while it does not read, as Twisted does, so that it reaches
// the flow after all the data, once the flow, resumed as the peer reads
// (and paused again, and resumed), has answered every line and asks for
// more; the flow reads the end and closes the connection: the peer gets
// all 18 MB, and then the end.
func TestHalfCloseWhilePausedTCP(t *testing.T) {
	leakcheck.Check(t)
	r, log := protoLog()
	spy := &transportSpy{}
	answered := 0
	var watch *halfCloseWatch
	build := flow.MakeProtocolOn(r, spiedController(spy, amplifier(&answered)))
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: func() protocol.IProtocol {
		watch = &halfCloseWatch{
			HalfCloseableProtocol: flow.HalfCloseableProtocol{Protocol: build().(*flow.Protocol)},
			spy:                   spy, answered: &answered,
		}
		return watch
	}}, reactor.Interface("127.0.0.1"))
	assert.NilError(t, err)
	paused := make(chan struct{})
	spy.onPause = func() {
		if spy.pauses == 1 {
			close(paused)
		}
	}
	const n = 200
	send := numberedLines(n)
	answer := halfClosingPeer(r, port, dialSmallWindow, send, paused, readAll)
	runBounded(t, r)
	a := <-answer
	assert.NilError(t, a.err)
	var want strings.Builder
	for line := range strings.Lines(string(send)) {
		want.WriteString(strings.Repeat(line, 10000))
	}
	assert.Equal(t, len(a.got), want.Len())
	assert.Assert(t, string(a.got) == want.String())
	assert.Equal(t, answered, n)
	assert.Assert(t, watch.pausesAtHalfClose >= 1, "half-closed after %d pauses", watch.pausesAtHalfClose)
	assert.Equal(t, watch.answeredAtHalfClose, n)
	assert.Equal(t, spy.dataWhilePaused, 0)
	assert.Equal(t, log.String(), "")
}

// lostRecorder is a half-closeable flow protocol that records the reason
// its connection was lost with.
type lostRecorder struct {
	flow.HalfCloseableProtocol
	reason *twisted.Failure
}

func (l *lostRecorder) ConnectionLost(reason *twisted.Failure) {
	l.reason = reason
	l.HalfCloseableProtocol.ConnectionLost(reason)
}

// listenRecordingLoss serves controller, half-closeable, recording the
// loss of the connection in *rec.
func listenRecordingLoss(t *testing.T, r *reactor.Reactor, controller any, rec **lostRecorder, options ...flow.ProtocolOption) reactor.IListeningPort {
	t.Helper()
	build := flow.MakeProtocolOn(r, controller, options...)
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: func() protocol.IProtocol {
		*rec = &lostRecorder{HalfCloseableProtocol: flow.HalfCloseableProtocol{Protocol: build().(*flow.Protocol)}}
		return *rec
	}}, reactor.Interface("127.0.0.1"))
	assert.NilError(t, err)
	return port
}

// After the half-close, the peer closes its side too (a reset: it has
// read the echo, and the flow's word that its input has ended, and goes). The flow, which read the end of its input and
// went on writing, learns it from its connection (lost with
// ConnectionLost, which its writes met), ends, and is not failed: the
// input's end was the half-close's, though FinishOnConnectionLost(false)
// makes the reset a failure otherwise.
func TestHalfCloseThenPeerClosesTCP(t *testing.T) {
	leakcheck.Check(t)
	r, log := protoLog()
	var end error
	peerGone := deferred.New()
	writesAfterEnd := 0
	server := func(conn *flow.Protocol) flow.Generator {
		echo := lineEchoServer(conn)
		return func(yield func(any) bool) error {
			if end = echo(yield); twisted.ClassOf(end) != twisted.StopIteration {
				return end
			}
			conn.Write("end\n") // the peer closes once it has read it
			if !yield(peerGone) {
				return nil
			}
			for conn.Connected {
				writesAfterEnd++
				if !yield("more\n") || !yield(flow.Cooperate(0)) {
					return nil
				}
			}
			return nil
		}
	}
	var rec *lostRecorder
	port := listenRecordingLoss(t, r, server, &rec, flow.FinishOnConnectionLost(false))
	want := numberedLines(1000)
	answer := halfClosingPeer(r, port, nil, want, nil, func(c *net.TCPConn) peerAnswer {
		got := readN(c, len(want)+len("end\n"))
		c.SetLinger(0)
		err := c.Close()
		r.CallFromThread(func() { peerGone.Callback(nil) })
		return peerAnswer{got, err}
	})
	runBounded(t, r)
	a := <-answer
	assert.NilError(t, a.err)
	assert.Equal(t, string(a.got), string(want)+"end\n")
	assert.Equal(t, twisted.ClassOf(end), twisted.StopIteration)
	assert.Assert(t, writesAfterEnd >= 1)
	assert.Assert(t, rec.reason.Check(reactor.ConnectionLost) != nil, "lost with %v", rec.reason)
	assert.Equal(t, log.String(), "")
}

// A flow that does not end after the half-close keeps the connection
// open, as Twisted keeps a half-closeable protocol's: once the peer has
// read the echo, the flow (still connected, not closing) writes more,
// which the peer reads; it then closes the connection itself
// (LoseConnection) and waits on, for ever: the peer reads the end, and
// the flow, still running, is ended as the reactor stops.
func TestHalfCloseFlowGoesOnTCP(t *testing.T) {
	leakcheck.Check(t)
	r, log := protoLog()
	echoed := deferred.New()
	var end error
	openAfterEnd, closed := false, false
	server := func(conn *flow.Protocol) flow.Generator {
		echo := lineEchoServer(conn)
		return func(yield func(any) bool) error {
			defer func() { closed = true }()
			if end = echo(yield); twisted.ClassOf(end) != twisted.StopIteration {
				return end
			}
			if !yield(echoed) {
				return nil
			}
			disconnecting := conn.Transport.(interface{ IsDisconnecting() bool }).IsDisconnecting()
			openAfterEnd = conn.Connected && !disconnecting
			conn.Write("still open\n")
			conn.Transport.LoseConnection()
			yield(deferred.New()) // never fires
			return nil
		}
	}
	var rec *lostRecorder
	port := listenRecordingLoss(t, r, server, &rec)
	want := numberedLines(1000)
	answer := halfClosingPeer(r, port, nil, want, nil, func(c *net.TCPConn) peerAnswer {
		got := readN(c, len(want))
		r.CallFromThread(func() { echoed.Callback(nil) })
		rest := readAll(c)
		return peerAnswer{append(got, rest.got...), rest.err}
	})
	runBounded(t, r)
	a := <-answer
	assert.NilError(t, a.err)
	assert.Equal(t, string(a.got), string(want)+"still open\n")
	assert.Equal(t, twisted.ClassOf(end), twisted.StopIteration)
	assert.Assert(t, openAfterEnd)
	assert.Assert(t, rec.reason.Check(reactor.ConnectionDone) != nil, "lost with %v", rec.reason)
	assert.Assert(t, closed)
	assert.Equal(t, log.String(), "")
}

// A flow that panics once it has read the end of its input, after the
// half-close: the panic is logged, and the connection closed once
// everything the flow wrote has been sent: the peer gets its echo, and
// then the end.
func TestHalfCloseFlowPanicsTCP(t *testing.T) {
	leakcheck.Check(t)
	r, log := protoLog()
	server := func(conn *flow.Protocol) flow.Generator {
		echo := lineEchoServer(conn)
		return func(yield func(any) bool) error {
			echo(yield)
			panic(twisted.KeyError.New("after the end"))
		}
	}
	port := listenFlow(t, r, server, flow.HalfCloseable())
	want := numberedLines(20000)
	answer := halfClosingPeer(r, port, nil, want, nil, readAll)
	runBounded(t, r)
	a := <-answer
	assert.NilError(t, a.err)
	assert.Equal(t, len(a.got), len(want))
	assert.Assert(t, bytes.Equal(a.got, want))
	assert.Assert(t, is.Contains(log.String(), "Unhandled Error"))
	assert.Assert(t, is.Contains(log.String(), "after the end"))
}
