package loopback

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// LoopbackAsync connects server and client on the default reactor and
// transfers data between them until the connection is closed, as
// Twisted's loopbackAsync(server, client). See LoopbackAsyncOn.
func LoopbackAsync(server, client protocol.IProtocol) *deferred.Deferred {
	return LoopbackAsyncOn(reactor.Default(), server, client)
}

// LoopbackAsyncOn establishes a connection between server and client,
// then transfers data between them until the connection is closed, using
// r to schedule the transfers. It returns a Deferred which fires with nil
// when the connection has been closed and both sides have received
// notification of this.
//
// In order: server.ConnectionMade, client.ConnectionMade (each through
// protocol.MakeConnection, with its own transport), then rounds of
// delivery: first everything the server has written, in order, to the
// client's DataReceived (one call per Write, empty writes skipped), then
// everything the client has written to the server; rounds repeat while
// either side wrote something. When no side has anything to deliver, the
// next Write schedules the next round with r.CallLater(0, ...). Once a
// round ends with the server (or else the client) having called
// LoseConnection or AbortConnection, its remaining data is delivered and
// server.ConnectionLost then client.ConnectionLost are called, both with
// a ConnectionDone failure. The first round runs before LoopbackAsyncOn
// returns, as in Twisted.
//
// Call it on the goroutine that runs r (for a Clock, the test's). A panic
// in a protocol method ends the transfers and fails the Deferred with it
// (Twisted's raises out of loopbackAsync when the first round fails, and
// fails the Deferred for the later ones).
func LoopbackAsyncOn(r reactor.IReactorTime, server, client protocol.IProtocol) *deferred.Deferred {
	l := &loop{
		clock:  r,
		server: server,
		client: client,
		d:      deferred.New(),
	}
	l.s2c.loop, l.c2s.loop = l, l
	l.serverT = &transport{q: &l.s2c}
	l.clientT = &transport{q: &l.c2s}
	l.run(func() {
		protocol.MakeConnection(server, l.serverT)
		protocol.MakeConnection(client, l.clientT)
		l.body()
	})
	return l.d
}

// loop is one loopback connection: Twisted's _loopbackAsyncBody and its
// arguments.
type loop struct {
	clock            reactor.IReactorTime
	server, client   protocol.IProtocol
	serverT, clientT *transport
	s2c, c2s         queue
	waiting          bool // no data left: the next put schedules a round
	done             bool
	d                *deferred.Deferred
}

// run calls f, failing the Deferred with a panic f raises.
func (l *loop) run(f func()) {
	defer func() {
		if v := recover(); v != nil {
			l.done = true
			l.waiting = false
			if !l.d.Called() {
				l.d.Errback(twisted.FailureFromPanic(v))
			}
		}
	}()
	f()
}

// body delivers the data written, round after round, until there is none
// (then it waits for a write) or a side has disconnected.
func (l *loop) body() {
	for {
		serverSent := l.pump(l.serverT, &l.s2c, l.client)
		clientSent := l.pump(l.clientT, &l.c2s, l.server)
		if !serverSent && !clientSent {
			// Neither side wrote any data: wait for some.
			l.waiting = true
			return
		}
		disconnect := false
		if l.s2c.disconnect {
			// The server wants to drop the connection: flush what remains.
			disconnect = true
			l.pump(l.serverT, &l.s2c, l.client)
		} else if l.c2s.disconnect {
			disconnect = true
			l.pump(l.clientT, &l.c2s, l.server)
		}
		if disconnect {
			l.done = true
			l.server.ConnectionLost(reactor.ConnectionDoneFailure())
			l.client.ConnectionLost(reactor.ConnectionDoneFailure())
			l.d.Callback(nil)
			return
		}
	}
}

// pump delivers what source's transport queued to target, then, if it
// delivered something, gives a pull producer on source's side the
// occasion to produce more. It reports whether anything was queued.
func (l *loop) pump(source *transport, q *queue, target protocol.IProtocol) bool {
	if len(q.items) == 0 {
		return false
	}
	for len(q.items) > 0 {
		data := q.items[0]
		q.items[0] = nil
		q.items = q.items[1:]
		if len(data) > 0 {
			target.DataReceived(data)
		}
	}
	source.pollProducer()
	return true
}

// wake schedules the next round, if the loop is waiting for data.
func (l *loop) wake() {
	if !l.waiting || l.done {
		return
	}
	l.waiting = false
	// Not synchronous: no real transport re-enters DataReceived from
	// Write.
	l.clock.CallLater(0, func() { l.run(l.body) })
}

// queue holds the chunks one side wrote, not yet delivered; an empty
// chunk marks a LoseConnection (Twisted's _LoopbackQueue).
type queue struct {
	items      [][]byte
	disconnect bool
	loop       *loop
}

func (q *queue) put(data []byte) {
	q.items = append(q.items, data)
	q.loop.wake()
}
