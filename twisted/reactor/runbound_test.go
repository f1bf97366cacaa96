package reactor

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/twistedflow/twistedflow/internal/testwait"
)

// runBound is how long a test's run of a reactor (run) may last before
// it is stopped and the test fails with the reactor's state: far longer
// than any of them takes on a loaded machine (seconds), so that only a
// run that can no longer end reaches it (a lost wake-up, a read or a
// write that never completes, a peer waiting for bytes that never come),
// and CI fails with what was stuck rather than hangs. It is one call from
// another goroutine at the bound, not a wake-up on every turn, so that it
// hides no lost wake-up by waking the loop itself.
const runBound = 2 * time.Minute

// describeRun is the state of r's network and calls, on the reactor
// goroutine: what a run stopped at runBound shows.
func describeRun(r *Reactor) string {
	n := &r.net
	n.mu.Lock()
	var conns []*tcpConn
	for c := range n.conns {
		conns = append(conns, c)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d connections, %d connection attempts, %d ports listening, %d delayed calls",
		len(n.conns), len(n.connectors), len(n.ports), len(r.GetDelayedCalls()))
	n.mu.Unlock()
	r.q.Mu.Lock()
	fmt.Fprintf(&b, ", %d calls from threads queued, pool %d busy and %d queued",
		len(r.threadCalls), r.pool.busy, len(r.pool.queue)-r.pool.head)
	r.q.Mu.Unlock()
	for i, c := range conns {
		if i == 8 {
			fmt.Fprintf(&b, "; and %d more", len(conns)-i)
			break
		}
		c.wmu.Lock()
		queued := 0
		for _, q := range c.queue {
			queued += len(q)
		}
		sending := c.sending
		c.wmu.Unlock()
		fmt.Fprintf(&b, "; %v to %v (%T): disconnecting %v, write closing %v, reading paused %v (ack owed %v, %d bytes held), "+
			"%d bytes written not sent (%d queued, writer sending %v), producer %T streaming %v paused %v",
			c.host, c.peer, c.proto, c.disconnecting, c.writeClosing, c.readPaused, c.ackOwed, len(c.held),
			c.pending, queued, sending, c.producer, c.streaming, c.prodPaused)
	}
	return b.String()
}

// receive waits for a value from ch for up to runBound, and fails t with
// what it waited for if none comes: a wait outside run, which runBound
// does not reach.
func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	return testwait.Receive(t, ch, runBound, what)
}
