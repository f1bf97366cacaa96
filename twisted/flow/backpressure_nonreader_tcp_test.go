package flow_test

import (
	"fmt"
	"net"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// nonReaderBound is the most a flow writing to a peer that never reads
// may make before its transport pauses it: what the kernel's buffers take
// (2.9 MB on loopback here) and the transport's 64 KiB, with room to
// spare. A flow past it has no backpressure, and its run ends there.
const nonReaderBound = 32 << 20

// pausedTurns is how many reactor iterations a run goes on after the
// flow's first pause, in which it must make nothing.
const pausedTurns = 30

// stallCheck is how often, in the reactor's seconds, a run checks that
// its flow made something since the last check, until its first pause.
// A flow not paused always has a wake-up due (its Cooperate(0)), which
// the reactor runs before a check due later, so no progress between two
// checks is a lost wake-up of the flow's, however slow the machine. (A
// reactor loop that slept through a due call would be woken by the
// check instead: reactor.TestNoLostWakeUp is the test for that.)
const stallCheck = 1.0

// endedPaused is what ends a run in which backpressure works.
const endedPaused = "30 reactor turns after the first pause"

// A nonReaderRun is a run of a flow that writes lines without reading,
// to a peer that never reads; its String is the state a failure shows.
type nonReaderRun struct {
	pull        bool
	spy         writeSpy
	made        int // bytes of lines the flow made
	atPause     int // made at the last pause
	whilePaused int // made while paused
	turns       int // reactor iterations since the first pause
	ended       string
	stop        func(why string)
}

func (w *nonReaderRun) String() string {
	ended := w.ended
	if ended == "" {
		ended = "the reactor's stop from outside (a signal?)"
	}
	return fmt.Sprintf("pull %v, run ended by %s: the flow made %d bytes and wrote %d to its transport (the peer read none); "+
		"paused %d times, resumed %d, paused at the end %v, %d turns after the first pause; made %d bytes while paused",
		w.pull, ended, w.made, w.spy.written, w.spy.pauses, w.spy.resumes, w.spy.paused, w.turns, w.whilePaused)
}

// writeSpy is a transportSpy that also counts the bytes written and tells
// of each write and of LoseConnection (the flow's end).
type writeSpy struct {
	transportSpy
	written         int
	onWrite, onLose func()
}

func (s *writeSpy) Write(b []byte) {
	s.written += len(b)
	s.ITransport.Write(b)
	s.onWrite()
}

func (s *writeSpy) WriteSequence(seq [][]byte) {
	for _, b := range seq {
		s.written += len(b)
	}
	s.ITransport.WriteSequence(seq)
	s.onWrite()
}

func (s *writeSpy) LoseConnection() {
	s.onLose()
	s.ITransport.LoseConnection()
}

// lossWatch is a flow protocol that tells when its connection is lost.
type lossWatch struct {
	*flow.Protocol
	onLost func(*twisted.Failure)
}

func (l lossWatch) ConnectionLost(reason *twisted.Failure) {
	l.Protocol.ConnectionLost(reason)
	l.onLost(reason)
}

// runWriterToNonReader runs a flow of lineWriter (pull: in pull mode)
// over TCP to a peer with a small receive window that never reads. The
// run ends pausedTurns reactor iterations after the flow's first pause,
// or as soon as it shows it will never pause: the flow made more than
// nonReaderBound, ended, or stalled (see stallCheck), its connection was
// lost, or the peer could not connect. Its end is bounded by the flow's
// work alone, however loaded the machine.
func runWriterToNonReader(pull bool) *nonReaderRun {
	w := &nonReaderRun{pull: pull}
	r := reactor.New()
	w.stop = func(why string) {
		if w.ended != "" {
			return
		}
		w.ended = why
		if w.spy.paused {
			w.whilePaused += w.made - w.atPause
		}
		r.Stop()
	}
	spy := &w.spy
	spy.onWrite = func() {
		if w.made > nonReaderBound {
			w.stop(fmt.Sprintf("the flow making more than %d bytes (no backpressure)", nonReaderBound))
		}
	}
	spy.onLose = func() { w.stop("the flow's end") }
	spy.onResume = func() { w.whilePaused += w.made - w.atPause }
	spy.onPause = func() {
		w.atPause = w.made
		if spy.pauses == 1 {
			w.countTurns(r)
		}
	}
	const lines = 256 << 20 / 16 // past nonReaderBound
	controller := func(conn *flow.Protocol) any {
		spy.ITransport = conn.Transport
		conn.Transport = spy
		w.watchStall(r)
		return lineWriter(lines, &w.made, pull)(conn)
	}
	build := flow.MakeProtocolOn(r, controller)
	port, err := r.ListenTCP(0, &protocol.ServerFactory{Protocol: func() protocol.IProtocol {
		return lossWatch{build().(*flow.Protocol), func(reason *twisted.Failure) {
			w.stop("the connection's loss: " + reason.GetErrorMessage())
		}}
	}}, reactor.Interface("127.0.0.1"))
	if err != nil {
		w.ended = "listening: " + err.Error()
		return w
	}
	connected := make(chan net.Conn, 1)
	r.CallWhenRunning(func() {
		r.CallInThread(func() {
			c, err := dialSmallWindow(port.GetHost().String())
			if err != nil {
				r.CallFromThread(func() { w.stop("the peer's dial: " + err.Error()) })
				return
			}
			connected <- c // never read; closed once the reactor has stopped
		})
	})
	if err := r.Run(); err != nil {
		w.ended = "running the reactor: " + err.Error()
	}
	select { // Run has waited for the dial
	case c := <-connected:
		c.Close()
	default:
	}
	return w
}

// countTurns ends the run pausedTurns reactor iterations from now.
func (w *nonReaderRun) countTurns(r *reactor.Reactor) {
	var turn func()
	turn = func() {
		if w.turns++; w.turns < pausedTurns {
			r.CallLater(0, turn)
			return
		}
		w.stop(endedPaused)
	}
	r.CallLater(0, turn)
}

// watchStall ends the run if, until its first pause, the flow makes
// nothing from one check to the next (see stallCheck).
func (w *nonReaderRun) watchStall(r *reactor.Reactor) {
	last := w.made
	var check func()
	check = func() {
		if w.ended != "" || w.spy.pauses > 0 {
			return
		}
		if w.made == last {
			w.stop(fmt.Sprintf("a stall: the flow, not paused, made nothing in %v s of the reactor's", stallCheck))
			return
		}
		last = w.made
		r.CallLater(stallCheck, check)
	}
	r.CallLater(stallCheck, check)
}

// A flow that writes without reading, to a peer that never reads: once
// 64 KiB of what it wrote wait to be sent, the transport pauses the flow,
// which stops (its Cooperates' wake-ups wait too) instead of filling the
// transport's buffer without bound. The flow would write 256 MiB; it
// writes what the kernel's buffers take and its transport's 64 KiB, and
// nothing while paused (in the 30 reactor iterations after its first
// pause, or any later one). A flow that never pauses ends its run at
// 32 MiB, and one that stops without pausing, at the next stall check:
// the test fails, with the run's state, rather than waits.
func TestBackpressureWriterPeerNeverReadsTCP(t *testing.T) {
	for _, pull := range []bool{false, true} {
		leakcheck.Check(t)
		w := runWriterToNonReader(pull)
		assert.Equal(t, w.ended, endedPaused, "%v", w)
		assert.Assert(t, w.made <= nonReaderBound, "%v", w)
		assert.Equal(t, w.whilePaused, 0, "%v", w)
	}
}
