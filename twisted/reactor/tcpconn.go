package reactor

import (
	"bytes"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
)

// bufferSize is Twisted's FileDescriptor.bufferSize: a registered
// streaming producer is paused when more than this many written bytes
// wait to be sent, and resumed when all have been; it is also the most a
// single read delivers.
const bufferSize = 1 << 16

// chunkSize is the size of the write queue's chunks: Write copies into
// the last chunk queued while it has room, and the writer hands up to
// sendChunks of them to the kernel at once, then recycles up to
// freeChunks, so that steady writing neither allocates nor copies twice.
const (
	chunkSize  = bufferSize
	sendChunks = 4
	freeChunks = 4
)

// largeWrite is the size from which Write hands data to the kernel at
// once rather than copying it to be sent at the end of the iteration.
const largeWrite = 16 << 10

// readSize is the size of each connection's read buffer: the most a
// single read delivers, Twisted's bufferSize.
const readSize = bufferSize

// tcpConn is a TCP connection's transport (Twisted's tcp.Connection):
// a protocol.ITCPTransport (it can half-close: halfclose.go),
// protocol.IConsumer and protocol.IPushProducer.
//
// Two goroutines serve it. The reader reads a chunk, hands it to the
// reactor goroutine and waits until the protocol has had it (and reading
// is not paused) before reading more: a protocol slower than its peer
// slows the peer down through TCP's own flow control. Write gathers what
// is written during one iteration of the reactor; at its end, what the
// kernel takes at once is handed straight to it, in one system call,
// when nothing else waits to be sent, and the rest is queued for the
// writer, so that Write never blocks the reactor; a stalled peer only
// makes the queue grow, which pauses a registered producer.
// Everything else, the protocol's callbacks included, happens on the
// reactor goroutine.
type tcpConn struct {
	r         *Reactor
	c         *net.TCPConn
	proto     protocol.IProtocol
	connector *Connector // the client's, nil for a server connection
	host      net.Addr
	peer      net.Addr

	// Reactor goroutine only.
	lost          bool // ConnectionLost has been called
	disconnecting bool // LoseConnection: no more reads; close once flushed
	aborting      bool
	readPaused    bool   // PauseProducing
	ackOwed       bool   // a chunk was delivered while paused
	held          []byte // a chunk that arrived once paused, for ResumeProducing
	pending       int    // bytes written and not yet sent
	producer      protocol.IProducer
	streaming     bool
	prodPaused    bool

	// heldEnd: the end of reading, met once paused, for ResumeProducing.
	heldEnd *twisted.Failure
	// LoseWriteConnection was called (Twisted's _writeDisconnecting), and
	// has shut down the sending half (_writeDisconnected): see halfclose.go.
	writeClosing bool
	writeClosed  bool

	ack    chan struct{} // the reactor lets the reader read on
	done   chan struct{} // closed when the connection is lost
	closed atomic.Bool   // the reactor closed the socket: read and write errors are expected
	// shutWrite: the reactor shut down the sending half (halfClose), so
	// that the socket's CLOSE state at the end of reading is the orderly
	// end of the connection (TIME_WAIT), not a reset.
	shutWrite atomic.Bool

	// out gathers the data written during the reactor's iteration, sent
	// at its end (see Write); dirty: t is in the reactor's list of
	// connections to flush.
	out   []byte
	dirty bool

	raw syscall.RawConn // for flush's direct attempt; nil if unavailable
	// direct and directN are writeNow's data and result; tryWrite, made
	// once, writes them (a closure per write would be an allocation).
	direct   [][]byte
	directN  int
	tryWrite func(fd uintptr) bool
	wroteAll func()     // written(0), made once
	wmu      sync.Mutex // guards the write queue
	queue    [][]byte   // chunks written, not yet taken by the writer
	// sending: the writer has taken chunks it has not sent. Write then
	// queues: a direct write could go before them, or wait for the
	// socket's write lock, which the writer holds while the peer is slow.
	sending   bool
	free      [][]byte      // chunks sent, for reuse
	closeWhen bool          // LoseConnection or LoseWriteConnection: flushed, tell the reactor
	wakeW     chan struct{} // a token wakes the writer
}

var (
	_ protocol.ITCPTransport = (*tcpConn)(nil)
	_ protocol.IConsumer     = (*tcpConn)(nil)
	_ protocol.IPushProducer = (*tcpConn)(nil)
)

// newTCPConn starts serving c with proto, on the reactor goroutine, and
// calls protocol.MakeConnection; once the reactor has stopped, it closes c
// instead.
func newTCPConn(r *Reactor, c *net.TCPConn, proto protocol.IProtocol, connector *Connector) *tcpConn {
	t := &tcpConn{
		r: r, c: c, proto: proto, connector: connector,
		host: c.LocalAddr(), peer: c.RemoteAddr(),
		ack:   make(chan struct{}, 1),
		done:  make(chan struct{}),
		wakeW: make(chan struct{}, 1),
	}
	if raw, err := c.SyscallConn(); err == nil {
		t.raw, t.tryWrite = raw, t.writeFD
	}
	t.wroteAll = func() { t.written(0) }
	if !r.net.trackConn(t, true) {
		// The reactor has stopped (its shutdown has lost every
		// connection): this one is closed at once, its protocol never
		// connected.
		t.lost = true
		t.closed.Store(true)
		c.Close()
		close(t.done)
		return t
	}
	r.net.goroutine(t.readLoop)
	r.net.goroutine(t.writeLoop)
	if f := r.guard(func() { protocol.MakeConnection(proto, t) }); f != nil {
		t.connectionLost(f)
	}
	return t
}

// readLoop reads chunks and hands them to the reactor one at a time. It
// reads the next chunk while the reactor delivers the last one, and waits
// for that delivery before handing anything more over: at most one chunk
// is read ahead of the protocol (or of PauseProducing), a read and a
// delivery overlap instead of taking turns, and the end of the connection
// is reported only once every chunk before it has been taken (readEnded
// says what the end does).
func (t *tcpConn) readLoop() {
	buf := make([]byte, readSize)
	delivering := false
	for {
		n, err := t.c.Read(buf)
		if n > 0 {
			data := bytes.Clone(buf[:n])
			if delivering && !t.awaitAck() {
				return
			}
			t.r.CallFromThread(func() { t.dataReceived(data) })
			delivering = true
		}
		if err != nil {
			if t.closed.Load() || delivering && !t.awaitAck() {
				return
			}
			if errors.Is(err, io.EOF) && !t.shutWrite.Load() && wasReset(t.c) {
				err = syscall.ECONNRESET
			}
			reason := twisted.NewFailure(ConnectionDone.New())
			if !errors.Is(err, io.EOF) {
				reason = ConnectionLostFailure(err)
			}
			t.r.CallFromThread(func() { t.readEnded(reason) })
			return
		}
	}
}

// awaitAck waits until the reactor has delivered the last chunk and
// reading is not paused; it reports false if the connection was lost
// meanwhile.
func (t *tcpConn) awaitAck() bool {
	select {
	case <-t.ack:
		return true
	case <-t.done:
		return false
	}
}

// dataReceived delivers a chunk, on the reactor goroutine, then lets the
// reader go on unless reading is paused. A chunk the reader handed over
// before a PauseProducing (made elsewhere than in DataReceived) is kept
// for ResumeProducing: Twisted, which stops reading, would not have read
// it.
func (t *tcpConn) dataReceived(data []byte) {
	if t.lost || t.disconnecting || t.aborting {
		return // Twisted stops reading on LoseConnection and AbortConnection
	}
	if t.readPaused {
		t.held = data
		return
	}
	if f := t.r.guard(func() { t.proto.DataReceived(data) }); f != nil {
		t.connectionLost(f)
		return
	}
	if t.readPaused {
		t.ackOwed = true
		return
	}
	t.ack <- struct{}{}
}

// writeLoop sends what Write queues until the connection is lost, or
// until it is flushed after LoseConnection.
func (t *tcpConn) writeLoop() {
	var scratch net.Buffers
	for {
		select {
		case <-t.wakeW:
		case <-t.done:
			return
		}
		t.wmu.Lock()
		chunks := t.queue
		t.queue = nil
		t.sending = len(chunks) > 0
		closing := t.closeWhen && len(chunks) == 0
		t.wmu.Unlock()
		if closing {
			// Flushed for now: the reactor closes the connection, or
			// (a producer still writing) wakes the writer again.
			t.r.CallFromThread(t.flushed)
			continue
		}
		if len(chunks) == 0 {
			continue
		}
		n, err := t.send(chunks, &scratch)
		if err != nil {
			if !t.closed.Load() {
				t.r.CallFromThread(func() { t.connectionLost(ConnectionLostFailure(err)) })
			}
			return
		}
		t.r.CallFromThread(func() { t.written(n) })
		t.recycle(chunks)
		t.wakeWriter() // look again: more may have come, or LoseConnection
	}
}

// send writes chunks, sendChunks at a time so that an abort stops it
// soon: closing a socket does not interrupt a write that keeps making
// progress. It returns the number of bytes sent.
func (t *tcpConn) send(chunks [][]byte, scratch *net.Buffers) (int, error) {
	n := 0
	for len(chunks) > 0 {
		if t.closed.Load() {
			return n, net.ErrClosed
		}
		k := min(len(chunks), sendChunks)
		*scratch = append((*scratch)[:0], chunks[:k]...) // WriteTo consumes it
		m, err := scratch.WriteTo(t.c)
		n += int(m)
		if err != nil {
			return n, err
		}
		chunks = chunks[k:]
	}
	return n, nil
}

// recycle keeps up to freeChunks of the chunks sent for Write to reuse,
// and lets Write send directly again.
func (t *tcpConn) recycle(chunks [][]byte) {
	t.wmu.Lock()
	defer t.wmu.Unlock()
	t.sending = false
	for _, c := range chunks {
		if len(t.free) == freeChunks {
			return
		}
		if cap(c) == chunkSize {
			t.free = append(t.free, c[:0])
		}
	}
}

func (t *tcpConn) wakeWriter() {
	select {
	case t.wakeW <- struct{}{}:
	default:
	}
}

// written accounts for n bytes sent, on the reactor goroutine: once all
// are, a paused streaming producer is resumed and a pull producer asked
// for more, as Twisted's doWrite does.
func (t *tcpConn) written(n int) {
	t.pending -= n
	if t.lost || t.pending > 0 || t.producer == nil || t.disconnecting || t.writeClosing {
		return // closing, flushed asks the producer
	}
	if !t.streaming || t.prodPaused {
		t.prodPaused = false
		p := t.producer
		if f := t.r.guard(func() { resume(p) }); f != nil {
			t.connectionLost(f)
		}
	}
}

func resume(p protocol.IProducer) {
	if r, ok := p.(interface{ ResumeProducing() }); ok {
		r.ResumeProducing()
	}
}

// flushed follows the writer's emptying of the queue after
// LoseConnection or LoseWriteConnection, on the reactor goroutine: as
// Twisted's doWrite, it asks a pull producer (or a paused streaming one)
// for more, and the connection stays until the producer is unregistered;
// otherwise it closes the connection, or after LoseWriteConnection alone
// its sending half, unless more was written meanwhile.
func (t *tcpConn) flushed() {
	if t.lost || t.aborting || t.writeClosed {
		return
	}
	t.flush(nil) // what was written in this iteration, to the writer
	t.wmu.Lock()
	busy := len(t.queue) > 0 || t.sending
	t.wmu.Unlock()
	if busy {
		t.wakeWriter()
		return
	}
	if p := t.producer; p != nil && (!t.streaming || t.prodPaused) {
		t.prodPaused = false
		if f := t.r.guard(func() { resume(p) }); f != nil {
			t.connectionLost(f)
		}
		return
	}
	if !t.disconnecting {
		t.halfClose()
		return
	}
	t.connectionLost(twisted.NewFailure(ConnectionDone.New()))
}

// Write sends data, in order, and returns at once, neither keeping nor
// changing data. Writes made during one iteration of the reactor are
// gathered and handed to the kernel together at its end, in one system
// call when it takes them all (Twisted's transport buffers its writes the
// same way, and sends them when the socket is writable); what the kernel
// does not take goes to the writer, which sends it as the peer reads. A
// large write is handed over at once, with what was gathered before it,
// without being copied unless the kernel does not take it.
//
// After LoseConnection or LoseWriteConnection data is still sent, before
// the connection or its sending half closes, as in Twisted; writing on a
// connection aborted or lost, or once its sending half is closed, does
// nothing.
// When more than 64 KiB wait to be sent, a registered streaming producer
// is paused until they have been.
func (t *tcpConn) Write(data []byte) {
	if len(data) == 0 || t.lost || t.aborting || t.writeClosed {
		return
	}
	t.pending += len(data)
	if len(data) >= largeWrite {
		t.flush(data)
	} else {
		t.gather(data)
	}
	t.pauseIfFull()
}

// WriteSequence writes the concatenation of data.
func (t *tcpConn) WriteSequence(data [][]byte) {
	for _, p := range data {
		t.Write(p)
	}
}

// gather copies p to the data written this iteration, handing a full
// chunk over at once.
func (t *tcpConn) gather(p []byte) {
	for {
		room := chunkSize - len(t.out)
		if len(p) <= room {
			t.out = append(t.out, p...)
			break
		}
		t.out = append(t.out, p[:room]...)
		p = p[room:]
		t.flush(nil)
	}
	if !t.dirty {
		t.dirty = true
		t.r.dirty = append(t.r.dirty, t)
	}
}

// flushWrites hands what each connection wrote during this iteration to
// the kernel, at its end, on the reactor goroutine.
func (r *Reactor) flushWrites() {
	for i, t := range r.dirty {
		r.dirty[i] = nil
		t.dirty = false
		t.flush(nil)
	}
	r.dirty = r.dirty[:0]
}

// flush hands the data gathered, followed by extra (a large write, not
// copied), to the kernel without waiting, when the writer has nothing to
// send and the connection is not closing (after LoseConnection the writer
// sends everything, and tells the reactor when it has: flushed); what the
// kernel does not take is queued for the writer. Once everything written
// has been sent, a paused or pull producer is told on the next iteration,
// as the writer would have (Twisted's doWrite, emptied).
func (t *tcpConn) flush(extra []byte) {
	if len(t.out) == 0 && len(extra) == 0 {
		return
	}
	t.wmu.Lock()
	sent := 0
	if len(t.queue) == 0 && !t.sending && !t.closeWhen {
		sent = t.writeNow(t.out, extra)
	}
	out := t.out
	if sent >= len(out) {
		extra = extra[sent-len(out):]
		out = out[len(out):]
	} else {
		out = out[sent:]
	}
	if len(out) > 0 {
		t.queue = append(t.queue, out) // the writer's now: no copy
		t.out = nil
	} else if cap(t.out) <= 2*chunkSize {
		t.out = t.out[:0] // reused for the next iteration's writes
	} else {
		t.out = nil
	}
	t.queueCopy(extra)
	queued := len(t.queue) > 0
	t.wmu.Unlock()
	if queued {
		t.wakeWriter()
	}
	if sent > 0 {
		t.pending -= sent
		if t.pending == 0 && t.producer != nil && (!t.streaming || t.prodPaused) {
			t.r.CallFromThread(t.wroteAll)
		}
	}
}

// queueCopy copies p to the writer's queue; t.wmu is held.
func (t *tcpConn) queueCopy(p []byte) {
	for len(p) > 0 {
		last := len(t.queue) - 1
		if last < 0 || len(t.queue[last]) == cap(t.queue[last]) {
			t.queue = append(t.queue, t.newChunk())
			last++
		}
		c := t.queue[last]
		k := copy(c[len(c):cap(c)], p)
		t.queue[last] = c[:len(c)+k]
		p = p[k:]
	}
}

// pauseIfFull pauses a registered streaming producer when more than
// bufferSize bytes wait to be sent.
func (t *tcpConn) pauseIfFull() {
	if t.producer != nil && t.streaming && !t.prodPaused && t.pending > bufferSize {
		t.prodPaused = true
		if p, ok := t.producer.(protocol.IPushProducer); ok {
			if f := t.r.guard(p.PauseProducing); f != nil {
				t.connectionLost(f)
			}
		}
	}
}

// writeNow writes as much of bufs as the kernel takes at once, without
// waiting, and returns how much that was; t.wmu is held, and the writer
// has nothing to send. An error (a full buffer, a closed or reset
// connection) writes nothing: the rest goes through the queue, and the
// writer meets and reports the error as for any other write.
func (t *tcpConn) writeNow(bufs ...[]byte) int {
	if t.raw == nil || t.closed.Load() {
		return 0
	}
	t.direct, t.directN = bufs, 0
	t.raw.Write(t.tryWrite)
	t.direct = nil
	return t.directN
}

// writeFD is writeNow's one attempt at writing t.direct to the socket fd.
func (t *tcpConn) writeFD(fd uintptr) bool {
	if n, err := writev(fd, t.direct); err == nil {
		t.directN = n
	}
	return true // never wait for the socket: that is the writer's job
}

// newChunk returns an empty chunk, recycled if one is free; t.wmu is
// held.
func (t *tcpConn) newChunk() []byte {
	if k := len(t.free); k > 0 {
		c := t.free[k-1]
		t.free = t.free[:k-1]
		return c
	}
	return make([]byte, 0, chunkSize)
}

// LoseConnection closes the connection once the data written has been
// sent, and a registered pull producer (or paused streaming producer)
// unregistered, as in Twisted; no data is delivered after it, and the
// peer's end of sending is no longer looked at (Twisted stops reading).
// The protocol's ConnectionLost then gets a ConnectionDone failure: at
// once, inside LoseConnection, if LoseWriteConnection has already closed
// the sending half.
func (t *tcpConn) LoseConnection() {
	if t.lost || t.disconnecting || t.aborting {
		return
	}
	t.disconnecting = true
	if t.writeClosed {
		t.connectionLost(twisted.NewFailure(ConnectionDone.New()))
		return
	}
	t.flush(nil)
	t.wmu.Lock()
	t.closeWhen = true
	t.wmu.Unlock()
	t.wakeWriter()
}

// IsDisconnecting reports whether LoseConnection has been called
// (Twisted's transport.disconnecting), as basic.LineReceiver checks it.
func (t *tcpConn) IsDisconnecting() bool { return t.disconnecting }

// AbortConnection closes the connection at once, dropping the data not
// yet sent and resetting the connection (SO_LINGER 0). The protocol gets
// ConnectionLost with a ConnectionAborted failure on the reactor's next
// iteration, as in Twisted; no data is delivered in between.
func (t *tcpConn) AbortConnection() {
	if t.lost || t.aborting {
		return
	}
	t.aborting = true
	t.out = nil
	t.closeSocket(false)
	t.r.CallLater(0, func() { t.connectionLost(twisted.NewFailure(ConnectionAborted.New())) })
}

// closeSocket closes the socket, which ends the reader and the writer;
// orderly false resets the connection, dropping what the kernel has not
// sent yet. As in Twisted's _closeSocket, only an abort is not orderly: a
// connection lost otherwise (a read error, the reactor stopping) still
// sends what Write handed to the kernel.
func (t *tcpConn) closeSocket(orderly bool) {
	if t.closed.Swap(true) {
		return
	}
	if !orderly {
		t.c.SetLinger(0)
	} else {
		t.c.CloseWrite()
	}
	t.c.Close()
}

// connectionLost ends the connection with reason, on the reactor
// goroutine, once: the socket is closed, a registered producer stopped,
// then the protocol's ConnectionLost called and, for a client, the
// factory's ClientConnectionLost.
func (t *tcpConn) connectionLost(reason *twisted.Failure) {
	if t.lost {
		return
	}
	orderly := reason.Check(ConnectionAborted) == nil
	if orderly {
		t.flush(nil) // offered to the kernel, as it was written
	}
	t.out = nil
	t.lost = true
	t.closeSocket(orderly)
	close(t.done)
	t.r.net.trackConn(t, false)
	if p := t.producer; p != nil {
		t.producer = nil
		t.r.guard(p.StopProducing)
	}
	t.r.guard(func() { t.proto.ConnectionLost(reason) })
	if t.connector != nil {
		t.connector.connectionLost(reason)
	}
}

// GetPeer returns the address of the other end, a *net.TCPAddr.
func (t *tcpConn) GetPeer() net.Addr { return t.peer }

// GetHost returns the address of this end, a *net.TCPAddr.
func (t *tcpConn) GetHost() net.Addr { return t.host }

// RegisterProducer registers producer to write to the connection: a
// streaming producer is paused while more than 64 KiB wait to be sent; a
// pull producer (streaming false) is asked for data each time all has
// been sent, and at once. On a lost connection the producer is stopped
// at once. Registering a second producer panics with a RuntimeError, as
// in Twisted.
func (t *tcpConn) RegisterProducer(producer protocol.IProducer, streaming bool) {
	if t.producer != nil {
		panic(twisted.RuntimeError.Errorf("Cannot register producer %T, because producer %T was never unregistered.", producer, t.producer))
	}
	if t.lost {
		producer.StopProducing()
		return
	}
	t.producer, t.streaming, t.prodPaused = producer, streaming, false
	if !streaming {
		resume(producer)
	}
}

// UnregisterProducer stops using the registered producer; after
// LoseConnection, the connection then closes once flushed, and after
// LoseWriteConnection its sending half (where Twisted 22.4 waits for
// another write: see halfclose.go).
func (t *tcpConn) UnregisterProducer() {
	t.producer = nil
	if (t.disconnecting || t.writeClosing) && !t.lost {
		t.wakeWriter()
	}
}

// RegisteredProducer returns the producer registered, or nil (Twisted's
// transport.producer): a producer can tell whether it is still the
// transport's, since the transport does not tell it when it is
// unregistered.
func (t *tcpConn) RegisteredProducer() protocol.IProducer { return t.producer }

// PauseProducing stops delivering data to the protocol until
// ResumeProducing (the transport as a push producer: its consumer, the
// protocol or a flow, is full). The peer is slowed down by TCP.
func (t *tcpConn) PauseProducing() { t.readPaused = true }

// ResumeProducing delivers data again after PauseProducing, from the
// reactor's next iteration.
func (t *tcpConn) ResumeProducing() {
	t.readPaused = false
	if t.lost {
		return
	}
	if end := t.heldEnd; end != nil {
		t.heldEnd = nil
		t.r.CallFromThread(func() { t.readEnded(end) })
		return
	}
	if data := t.held; data != nil {
		t.held = nil
		t.r.CallFromThread(func() { t.dataReceived(data) }) // which lets the reader go on
		return
	}
	if t.ackOwed {
		t.ackOwed = false
		t.ack <- struct{}{}
	}
}

// StopProducing is LoseConnection, as in Twisted.
func (t *tcpConn) StopProducing() { t.LoseConnection() }
