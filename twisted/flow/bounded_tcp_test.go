package flow_test

import (
	"fmt"
	"net"
	"sync/atomic"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// noProgressBound is how long, in the reactor's seconds, a TCP test's run
// may go without progress (no change in its state) before it ends and
// the test fails with that state: far longer than a loaded machine holds
// a goroutine back, so that only a run that can no longer move (a lost
// wake-up, a pause never resumed, bytes lost, a peer waiting for what
// will never come) reaches it, and a broken transport or flow fails in
// bounded time instead of hanging CI.
const noProgressBound = 60

// progressCheck is how often, in the reactor's seconds, a run compares
// its state with the last one.
const progressCheck = 1.0

// endedByPeer is what ends a run whose peer, a goroutine of the reactor's
// pool, did all it had to.
const endedByPeer = "the peer's end"

// A tcpRun is a test's run of a reactor serving a TCP port, which ends
// once: by what the test waits for, or by what shows it will never come
// (a failed dial, a lost connection, no progress for noProgressBound).
// Its String is the state a failure shows.
type tcpRun struct {
	r     *reactor.Reactor
	port  reactor.IListeningPort
	ended string
	// state describes the run; it is read on the reactor goroutine, and
	// any change in it is progress.
	state func() string
}

func newTCPRun(r *reactor.Reactor, port reactor.IListeningPort, state func() string) *tcpRun {
	return &tcpRun{r: r, port: port, state: state}
}

func (w *tcpRun) String() string {
	ended := w.ended
	if ended == "" {
		ended = "the reactor's stop from outside (a signal?)"
	}
	return fmt.Sprintf("run ended by %s: %s", ended, w.state())
}

// stop ends the run for why, on the reactor goroutine: the port stops
// listening, then the reactor stops, which loses the connections (their
// peers' reads and writes then end). Only the first stop counts.
func (w *tcpRun) stop(why string) {
	if w.ended != "" {
		return
	}
	w.ended = why
	stopOn(w.r, w.port)
}

// stopFromThread is stop, from another goroutine (once the reactor has
// stopped, it does nothing).
func (w *tcpRun) stopFromThread(why string) {
	w.r.CallFromThread(func() { w.stop(why) })
}

// run runs the reactor until the run ends, watching its progress.
func (w *tcpRun) run(t *testing.T) {
	t.Helper()
	w.r.CallWhenRunning(w.watch)
	assert.NilError(t, w.r.Run())
}

// watch ends the run once its state has not changed for noProgressBound
// seconds of the reactor's.
func (w *tcpRun) watch() {
	last, since := w.state(), w.r.Seconds()
	var check func()
	check = func() {
		if w.ended != "" {
			return
		}
		if now := w.state(); now != last {
			last, since = now, w.r.Seconds()
		} else if w.r.Seconds()-since >= noProgressBound {
			w.stop(fmt.Sprintf("no progress in %d s of the reactor's", noProgressBound))
			return
		}
		w.r.CallLater(progressCheck, check)
	}
	w.r.CallLater(progressCheck, check)
}

// waitOrStopped waits for ch to be closed and reports true, or for r to
// stop and reports false: a peer goroutine waiting for the server must
// not outlive the run, which Run waits for.
func waitOrStopped(r *reactor.Reactor, ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	case <-r.Done():
		return false
	}
}

// countedConn counts in n the bytes read from its connection, which the
// reactor's goroutine reads as the peer's progress.
type countedConn struct {
	net.Conn
	n *atomic.Int64
}

func (c countedConn) Read(b []byte) (int, error) {
	k, err := c.Conn.Read(b)
	c.n.Add(int64(k))
	return k, err
}
