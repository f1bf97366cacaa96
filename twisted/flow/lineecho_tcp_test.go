package flow_test

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// lineEchoServer echoes the connection's lines, as the original's
// echo_lines anchor does: LineBreak over the connection, each line
// written back with its delimiter.
func lineEchoServer(conn *flow.Protocol) flow.Generator {
	return func(yield func(any) bool) error {
		lines := flow.LineBreak(conn, flow.LineBreakOptions{Delimiter: "\n"})
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

// numberedLines returns n lines "line <i>\n".
func numberedLines(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.Bytes()
}

// A peer that writes 4 MB of lines before reading anything gets every
// line back, in order. The server stops reading while more than 64 KiB
// of its echo wait to be sent (backpressure, as
// TestBackpressurePeerNeverReadsTCP shows), so the peer's write completes
// before it reads only if the kernel's buffers of both directions hold
// it all (8.1-8.6 MB measured on loopback here; see BENCHMARKS.md, the
// 4 MB stall), which no machine promises. So the peer writes everything
// before it reads unless the server has paused and the kernel takes no
// more: it then reads while it writes the rest, as it must (waiting would
// never end). Either way the echo comes back whole, through the flow's
// pauses and resumes; the log says how much the peer wrote before it
// read. It is run twice: by a peer with the system's buffers (here, it
// writes everything first), and by one with small buffers (4 KiB to
// receive, 64 KiB to send: it must read while it writes). The peer closes
// once it has read it all: a half-close after writing would end the
// connection at the server, dropping what it had not sent yet, as Twisted
// does (TestPeerHalfCloseDropsUnsent).
func TestLineEchoWriteAllThenReadTCP(t *testing.T) {
	dials := []struct {
		name string
		dial func(addr string) (net.Conn, error)
	}{
		{"system buffers", func(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }},
		{"small buffers", dialSmallBuffers},
	}
	for _, d := range dials {
		t.Run(d.name, func(t *testing.T) { lineEchoWriteAllThenRead(t, d.dial) })
	}
}

func lineEchoWriteAllThenRead(t *testing.T, dial func(addr string) (net.Conn, error)) {
	leakcheck.Check(t)
	r := reactor.New()
	spy := &transportSpy{}
	port := listenFlow(t, r, func(conn *flow.Protocol) flow.Generator {
		spy.ITransport = conn.Transport
		conn.Transport = spy
		return lineEchoServer(conn)
	})
	paused := make(chan struct{})
	spy.onPause = func() {
		if spy.pauses == 1 {
			close(paused)
		}
	}
	want := numberedLines(400000)
	var wrote, read atomic.Int64
	var beforeReading int64 = -1 // what the peer wrote before it read
	w := newTCPRun(r, port, func() string {
		return fmt.Sprintf("the server's flow paused %d times, resumed %d, paused %v; the peer wrote %d and read %d of %d",
			spy.pauses, spy.resumes, spy.paused, wrote.Load(), read.Load(), len(want))
	})
	got := make(chan []byte, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			var b []byte
			defer func() { got <- b }()
			c, err := dial(port.GetHost().String())
			if err != nil {
				w.stopFromThread("the peer's dial: " + err.Error())
				return
			}
			defer c.Close()
			var reading chan []byte
			beforeReading, reading = writeThenRead(r, c.(*net.TCPConn), want, paused, &wrote, countedConn{c, &read})
			b = <-reading
			w.stopFromThread(endedByPeer)
		})
	})
	w.run(t)
	b := <-got
	t.Logf("the peer wrote %d of %d bytes before it read", beforeReading, len(want))
	assert.Equal(t, w.ended, endedByPeer, "%v", w)
	assert.Equal(t, len(b), len(want), "%v", w)
	assert.Assert(t, bytes.Equal(b, want), "%v", w)
}

// dialSmallBuffers connects to addr with a 4 KiB receive buffer and a
// 64 KiB send buffer (fixed: the kernel no longer grows them).
func dialSmallBuffers(addr string) (net.Conn, error) {
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF, 64<<10)
		})
	}}
	return d.Dial("tcp", addr)
}

// writeThenRead writes data to c, then reads as much back from in: in
// the same order, unless the server pauses (paused is closed) while data
// is still being written and the kernel then takes no more of it at
// once, upon which it reads while it writes the rest. It returns what it
// wrote before it began to read, and the channel on which it sends what
// it read. Its writes end with an error, and its reads at the end of the
// connection, once r has stopped and closed the server's end.
func writeThenRead(r *reactor.Reactor, c *net.TCPConn, data []byte, paused <-chan struct{}, wrote *atomic.Int64, in net.Conn) (int64, chan []byte) {
	reading := make(chan []byte, 1)
	read := func() { reading <- readN(in, len(data)) }
	written := make(chan struct{})
	go func() { // the pause interrupts a write that waits for room
		select {
		case <-paused:
			c.SetWriteDeadline(time.Unix(1, 0))
		case <-written:
		case <-r.Done():
		}
	}()
	n, err := c.Write(data)
	close(written)
	wrote.Add(int64(n))
	if err == nil || !errors.Is(err, os.ErrDeadlineExceeded) {
		read()
		return wrote.Load(), reading
	}
	c.SetWriteDeadline(time.Time{})
	rest := data[n:]
	for len(rest) > 0 { // paused: what the kernel takes without waiting
		k, err := writeNoWait(c, rest)
		wrote.Add(int64(k))
		rest = rest[k:]
		if k == 0 || err != nil {
			break
		}
	}
	before := wrote.Load()
	go read()
	n, _ = c.Write(rest)
	wrote.Add(int64(n))
	return before, reading
}

// writeNoWait writes what the kernel takes of b at once: 0 if its buffer
// is full.
func writeNoWait(c *net.TCPConn, b []byte) (int, error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return 0, err
	}
	var n int
	var werr error
	err = raw.Write(func(fd uintptr) bool {
		n, werr = syscall.Write(int(fd), b)
		return werr != syscall.EINTR
	})
	if werr == syscall.EAGAIN {
		return 0, nil
	}
	if werr != nil {
		return 0, werr
	}
	return n, err
}
