package reactor

import (
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"gotest.tools/v3/assert"
)

// Issue 19: an accept that fails (EMFILE: out of file descriptors) was
// tried again at once, a hot loop flooding the reactor with log calls. The
// loop now waits 5 ms, doubling up to a second while failures follow one
// another, as net/http's Server does, and a success starts over.
func TestAcceptBackoff(t *testing.T) {
	r := New()
	p := &Port{r: r}
	emfile := &net.OpError{Op: "accept", Net: "tcp", Err: os.NewSyscallError("accept4", syscall.EMFILE)}
	results := 0
	accept := func() (net.Conn, error) {
		results++
		if results > 9 {
			return nil, net.ErrClosed
		}
		return nil, emfile
	}
	var waits []time.Duration
	p.acceptLoop(nil, accept, func(d time.Duration) bool { waits = append(waits, d); return true })
	ms := time.Millisecond
	assert.DeepEqual(t, waits, []time.Duration{5 * ms, 10 * ms, 20 * ms, 40 * ms, 80 * ms, 160 * ms, 320 * ms, 640 * ms, time.Second})
	assert.Equal(t, len(r.threadCalls), 9) // one log call per failure

	// A wait cut short by StopListening ends the loop without accepting.
	results, waits = 0, nil
	p.acceptLoop(nil, accept, func(d time.Duration) bool { waits = append(waits, d); return false })
	assert.Equal(t, results, 1)
	assert.Equal(t, len(waits), 1)

	assert.Equal(t, nextAcceptDelay(0), 5*ms)
	assert.Equal(t, nextAcceptDelay(time.Second), time.Second)
	assert.Equal(t, nextAcceptDelay(700*ms), time.Second)
}

// A port stopped while its accept loop waits after a failure stops at once.
func TestAcceptBackoffStopListening(t *testing.T) {
	quit := make(chan struct{})
	close(quit)
	assert.Assert(t, !sleepUnless(time.Hour, quit))
	assert.Assert(t, sleepUnless(0, make(chan struct{})))
}

// neverMade fails the test if its connection is ever made.
type neverMade struct {
	protocol.Protocol
	t *testing.T
}

func (n *neverMade) ConnectionMade() { n.t.Error("connection made on a stopped reactor") }

// Issue 19: the bool that tracking a connection returns was ignored, so a
// connection handed to a reactor that had stopped would be served by
// goroutines no shutdown waits for. It is now closed at once.
func TestConnAfterReactorStopped(t *testing.T) {
	leakcheck.Check(t)
	r := New()
	r.CallWhenRunning(func() { stop(r) })
	run(t, r)

	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	assert.NilError(t, err)
	defer ln.Close()
	client, err := net.Dial("tcp4", ln.Addr().String())
	assert.NilError(t, err)
	defer client.Close()
	server, err := ln.Accept()
	assert.NilError(t, err)

	tc := newTCPConn(r, server.(*net.TCPConn), &neverMade{t: t}, nil)
	receive(t, tc.done, "the connection handed to a stopped reactor to be closed")
	n, err := client.Read(make([]byte, 1))
	assert.Equal(t, n, 0)
	assert.Equal(t, err, io.EOF, fmt.Sprint(err))
	assert.Assert(t, !r.net.trackConn(tc, true))
}
