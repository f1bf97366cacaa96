package reactor

import (
	"bytes"
	"net"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// The sizes of testdata/halfclose.py: hcBig is more than a peer with a
// 4 KiB receive buffer takes at once, hcHuge more than the kernel's
// buffers hold.
const (
	hcBig  = 4 << 20
	hcHuge = 32 << 20
)

// The peers of testdata/halfclose.py.

// sendShutRead sends hello, half-closes, and reads to the end.
func sendShutRead(s *hcRun, c *net.TCPConn) {
	c.Write([]byte("hello"))
	c.CloseWrite()
	s.readAll(c)
}

// readSendShut reads to the end, sends after and half-closes; it closes
// once the protocol is lost.
func readSendShut(s *hcRun, c *net.TCPConn) {
	s.readAll(c)
	c.Write([]byte("after"))
	c.CloseWrite()
	<-s.lostCh
}

// readToEnd reads to the end; it closes once the protocol is lost.
func readToEnd(s *hcRun, c *net.TCPConn) {
	s.readAll(c)
	<-s.lostCh
}

func neverRead(s *hcRun, _ *net.TCPConn) { <-s.lostCh }

// The protocol's actions.

func writeBigLose(s *hcRun) {
	s.t.Write(append(bytes.Repeat([]byte("x"), hcBig), "tail"...))
	s.t.LoseConnection()
}

func writeBigLoseWrite(s *hcRun) {
	s.t.Write(bytes.Repeat([]byte("x"), hcBig))
	s.t.LoseWriteConnection()
	s.t.Write([]byte("tail")) // before the half-close: sent
}

func writeSmallLoseWrite(s *hcRun) {
	s.t.Write(bytes.Repeat([]byte("x"), 10))
	s.t.LoseWriteConnection()
}

func lose(s *hcRun) {
	s.t.LoseConnection()
	s.ev("loseConnection returned")
}

func abort(s *hcRun) {
	s.t.AbortConnection()
	s.ev("abortConnection returned")
}

func quiet(s *hcRun) { s.quiet() }

func panicBoom(*hcRun) { panic(twisted.ValueError.New("boom")) }

func pausedProducerLoseWrite(s *hcRun) {
	s.conn.RegisterProducer(hcProducer{s}, true)
	s.t.Write(bytes.Repeat([]byte("x"), hcBig)) // pauses the producer
	s.t.LoseWriteConnection()
	s.ev("loseWriteConnection returned")
}

func unregister(s *hcRun) {
	s.conn.UnregisterProducer()
	s.ev("unregisterProducer returned")
}

func pauseReading(s *hcRun) {
	s.conn.PauseProducing()
	s.ev("paused")
}

func loseWithData(s *hcRun) {
	writeBigLose(s)
	s.ev("loseConnection returned")
}

// halfCloseScenarios are the scenarios of testdata/halfclose.py, by name.
// Where the Python's action depends on time ("quiet": nothing happened
// for half a second), the Go one waits for the reactor's next turn
// (hcRun.quiet), or for the event that ends the wait.
var halfCloseScenarios = map[string]hcScenario{
	// The peer's half-close: a half-closeable protocol is told, and what
	// it writes then is all sent; the connection stays open until the
	// protocol loses it.
	"peer half-closes, protocol writes then loses": {true, sendShutRead,
		map[string]hcAction{"readLost": writeBigLose}},
	"peer half-closes, protocol does nothing": {true, sendShutRead,
		map[string]hcAction{"readLost": quiet, "quiet": lose}},
	"peer half-closes, not half-closeable": {false, sendShutRead, nil},

	// LoseWriteConnection: data written before the half-close (even after
	// the call) is sent, after it dropped; the peer reads the end, and the
	// connection goes on reading; LoseConnection then loses it at once.
	"loseWriteConnection with data pending": {true, readSendShut, map[string]hcAction{
		"made":      writeBigLoseWrite,
		"writeLost": func(s *hcRun) { s.t.Write([]byte("dropped!")) },
		"readLost":  quiet, "quiet": lose}},
	"loseWriteConnection with data pending, not half-closeable": {false, readSendShut,
		map[string]hcAction{"made": writeBigLoseWrite}},
	"peer half-closes, then protocol loseWriteConnection": {true, sendShutRead,
		map[string]hcAction{"readLost": writeBigLoseWrite, "writeLost": quiet, "quiet": lose}},

	// Attacks: twice before the half-close is once; once more after it
	// loses the connection with ConnectionLost, as Twisted's doWrite does.
	"loseWriteConnection twice, then again after": {true, readToEnd, map[string]hcAction{
		"made": func(s *hcRun) {
			s.t.Write(bytes.Repeat([]byte("x"), hcBig))
			s.t.LoseWriteConnection()
			s.t.LoseWriteConnection()
		},
		"writeLost": func(s *hcRun) {
			s.t.LoseWriteConnection()
			s.ev("loseWriteConnection returned")
			s.quiet()
		},
		"quiet": lose}},
	"loseConnection after loseWriteConnection, data pending": {true, readToEnd, map[string]hcAction{
		"made": func(s *hcRun) {
			s.t.Write(bytes.Repeat([]byte("x"), hcBig))
			s.t.LoseWriteConnection()
			lose(s)
		}}},
	"loseConnection after writeConnectionLost": {true, readToEnd,
		map[string]hcAction{"made": writeSmallLoseWrite, "writeLost": lose}},
	"abortConnection after loseWriteConnection, data pending": {true, readToEnd, map[string]hcAction{
		"made": func(s *hcRun) {
			s.t.Write(bytes.Repeat([]byte("x"), hcBig))
			s.t.LoseWriteConnection()
			abort(s)
		}}},
	"abortConnection after writeConnectionLost": {true, readToEnd,
		map[string]hcAction{"made": writeSmallLoseWrite, "writeLost": abort}},
	"readConnectionLost raises": {true, sendShutRead,
		map[string]hcAction{"readLost": panicBoom}},
	"writeConnectionLost raises": {true, readToEnd,
		map[string]hcAction{"made": writeSmallLoseWrite, "writeLost": panicBoom}},

	// A producer: the half-close waits for a paused one, as
	// LoseConnection does, and goes ahead past one that is not paused.
	"paused producer, loseWriteConnection, resumed producer writes nothing": {true, readToEnd,
		map[string]hcAction{"made": pausedProducerLoseWrite, "resume": quiet, "quiet": lose}},
	"paused producer, loseWriteConnection, resumed producer unregisters": {true, readToEnd,
		map[string]hcAction{"made": pausedProducerLoseWrite, "resume": unregister, "writeLost": quiet, "quiet": lose}},
	"paused producer, loseWriteConnection, resumed producer writes and unregisters": {true, readToEnd,
		map[string]hcAction{"made": pausedProducerLoseWrite, "resume": func(s *hcRun) {
			s.t.Write([]byte("more"))
			unregister(s)
		}, "writeLost": quiet, "quiet": lose}},
	"producer not paused, loseWriteConnection": {true, readToEnd, map[string]hcAction{
		"made": func(s *hcRun) {
			s.conn.RegisterProducer(hcProducer{s}, true)
			writeSmallLoseWrite(s)
		},
		"writeLost": quiet, "quiet": lose}},

	// The transport's reading paused: the peer's end waits for it, as
	// Twisted, which does not read, does not see it.
	"peer half-closes while reading is paused": {true, func(s *hcRun, c *net.TCPConn) {
		c.Write([]byte("hello"))
		c.CloseWrite()
		s.resumeOnceHeld()
		s.readAll(c)
	}, map[string]hcAction{"made": pauseReading, "readLost": writeBigLose}},
	"peer half-closes while reading is paused, no data": {false, func(s *hcRun, c *net.TCPConn) {
		c.CloseWrite()
		s.resumeOnceHeld()
		s.readAll(c)
	}, map[string]hcAction{"made": pauseReading}},

	// A peer that never reads: the half-close never comes.
	"peer never reads after loseWriteConnection": {true, neverRead, map[string]hcAction{
		"made": func(s *hcRun) {
			s.t.Write(bytes.Repeat([]byte("x"), hcHuge))
			s.t.LoseWriteConnection()
			s.quiet()
		},
		"quiet": abort}},
	// A peer that closes after its half-close: what the protocol writes
	// then meets the peer's reset.
	"peer closes after its half-close, protocol writes": {true, func(s *hcRun, c *net.TCPConn) {
		c.Write([]byte("hello"))
		c.CloseWrite()
		<-s.signal
		c.Close()
		s.onReactor(func() {
			s.ev("write")
			s.t.Write(bytes.Repeat([]byte("x"), hcBig))
		})
		<-s.lostCh
	}, map[string]hcAction{"readLost": func(s *hcRun) { s.signal <- struct{}{} }}},

	// LoseConnection, then the peer's half-close: Twisted no longer reads,
	// so all that was written is sent.
	"loseConnection with data pending, then the peer half-closes": {false, sendShutRead,
		map[string]hcAction{"data": loseWithData}},
	"loseConnection with data pending, then the peer half-closes, half-closeable": {true, sendShutRead,
		map[string]hcAction{"data": loseWithData}},
}

// halfCloseDeviations are the scenarios whose Go events differ from the
// Python's, deliberately, with the Go events.
var halfCloseDeviations = map[string][]string{
	// Twisted 22.4 half-closes only when a write empties its buffer, so a
	// producer unregistered while the half-close waits for it leaves the
	// sending half open until something more is written (here, for ever:
	// the Python's protocol gives up with loseConnection), although
	// loseWriteConnection's docstring has it happen once "there is no
	// registered producer"; Go half-closes then, as it closes after
	// LoseConnection.
	"paused producer, loseWriteConnection, resumed producer unregisters": {
		"pauseProducing", "loseWriteConnection returned", "resumeProducing",
		"unregisterProducer returned", "writeConnectionLost", "quiet",
		"connectionLost ConnectionDone", "loseConnection returned"},
}

// TestHalfCloseAsTwisted runs each scenario of testdata/halfclose.py: the
// protocol's events, in order, with ConnectionLost's reason, and what the
// peer read, are those Twisted 22.4 recorded (halfclose.golden.jsonl),
// but for halfCloseDeviations. A panic in ReadConnectionLost or
// WriteConnectionLost is also logged as an unhandled error.
func TestHalfCloseAsTwisted(t *testing.T) {
	goldens := readHalfCloseGoldens(t)
	if len(goldens) != len(halfCloseScenarios) {
		t.Errorf("%d scenarios recorded, %d in Go", len(goldens), len(halfCloseScenarios))
	}
	for _, g := range goldens {
		t.Run(g.Scenario, func(t *testing.T) {
			leakcheck.Check(t)
			sc, ok := halfCloseScenarios[g.Scenario]
			if !ok {
				t.Fatal("no Go scenario")
			}
			want := g.Events
			if dev, ok := halfCloseDeviations[g.Scenario]; ok {
				want = dev
			}
			s, log := runHalfClose(t, sc)
			if diff := cmp.Diff(want, s.events); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(g.Peer, s.peerLog, cmpEmpty); diff != "" {
				t.Errorf("peer (-want +got):\n%s", diff)
			}
			raises := strings.HasSuffix(g.Scenario, " raises")
			if raises && (!strings.Contains(log, "Unhandled Error") || !strings.Contains(log, "boom")) {
				t.Errorf("the panic was not logged: %q", log)
			}
			if !raises && log != "" {
				t.Errorf("logged: %s", log)
			}
		})
	}
}

// cmpEmpty makes a nil slice equal to an empty one.
var cmpEmpty = cmp.FilterValues(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 },
	cmp.Comparer(func(a, b []string) bool { return true }))

// The half-closeable protocol's interface, as the reactor's transport
// offers it.
var _ protocol.ITCPTransport = (*tcpConn)(nil)
