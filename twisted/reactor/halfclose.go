package reactor

import (
	"syscall"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// TCP half-close, as Twisted 22.4's tcp.Connection has it (its
// readConnectionLost, loseWriteConnection and _closeWriteConnection). The
// order of the calls and the reasons were recorded with Twisted 22.4
// (testdata/halfclose.py, whose output tcp_halfclose_test.go quotes).

// readEnded follows the end of what the peer sends, on the reactor
// goroutine. The peer's clean end (ConnectionDone: its shutdown(SHUT_WR)
// or its close) is told to an IHalfCloseableProtocol by
// ReadConnectionLost, and the connection stays open for writing;
// any other protocol, or any other end (a reset, a read error), loses
// the connection, dropping what was written and not yet sent, as in
// Twisted. A panic in ReadConnectionLost is logged and loses the
// connection with it, as Twisted does with an exception there.
//
// While reading is paused the end waits for ResumeProducing, and after
// LoseConnection or AbortConnection it is not looked at: Twisted does not
// read then, so it does not see the end either (a LoseConnection's data is
// all sent, a reset is met by the writer).
func (t *tcpConn) readEnded(reason *twisted.Failure) {
	if t.lost || t.disconnecting || t.aborting {
		return
	}
	if t.readPaused {
		t.heldEnd = reason
		return
	}
	hc, ok := t.proto.(protocol.IHalfCloseableProtocol)
	if !ok || reason.Check(ConnectionDone) == nil {
		t.connectionLost(reason)
		return
	}
	if f := t.r.guard(hc.ReadConnectionLost); f != nil {
		t.connectionLost(f)
	}
}

// LoseWriteConnection half-closes the connection: once the data written
// has been sent, and a registered pull producer (or paused streaming
// producer) has been given its turn, it shuts down the sending half, and
// an IHalfCloseableProtocol's WriteConnectionLost is called. Data written
// in between is still sent; data written after it is dropped, as in
// Twisted. Reading goes on: the protocol's ConnectionLost is called when
// it calls LoseConnection (which then loses the connection at once), or,
// for a protocol that is not half-closeable, when the peer ends its side.
//
// A second call before the half-close does nothing. A call after it loses
// the connection with ConnectionLost on the reactor's next iteration, as
// Twisted 22.4 does (its doWrite sends nothing on the shut-down socket,
// and meets EPIPE). After LoseConnection or AbortConnection it does
// nothing.
func (t *tcpConn) LoseWriteConnection() {
	if t.lost || t.disconnecting || t.aborting || t.writeClosing && !t.writeClosed {
		return
	}
	if t.writeClosed {
		t.r.CallFromThread(func() { t.connectionLost(ConnectionLostFailure(syscall.EPIPE)) })
		return
	}
	t.writeClosing = true
	t.flush(nil)
	t.wmu.Lock()
	t.closeWhen = true
	t.wmu.Unlock()
	t.wakeWriter()
}

// halfClose shuts down the sending half once flushed after
// LoseWriteConnection, on the reactor goroutine, and tells a
// half-closeable protocol. A panic in its WriteConnectionLost is logged
// and loses the connection with it, as Twisted does with an exception
// there.
//
// Twisted 22.4 half-closes only when a write empties its buffer: a
// producer unregistered while the half-close waits for it leaves the
// connection open until something more is written, although
// loseWriteConnection's docstring has it happen once "there is no
// registered producer". Here UnregisterProducer wakes the writer, as it
// does after LoseConnection, so the half-close happens then.
func (t *tcpConn) halfClose() {
	t.writeClosed = true
	t.shutWrite.Store(true)
	// An error (the peer has reset the connection) is ignored, as Twisted
	// ignores it: the reader meets it.
	_ = t.c.CloseWrite()
	if hc, ok := t.proto.(protocol.IHalfCloseableProtocol); ok {
		if f := t.r.guard(hc.WriteConnectionLost); f != nil {
			t.connectionLost(f)
		}
	}
}
