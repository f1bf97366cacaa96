package flow

import "github.com/twistedflow/twistedflow/twisted/protocol"

// A flow Protocol is its transport's streaming producer (Twisted's
// producer/consumer contract), registered when the connection is made if
// the transport is an IConsumer that can itself be paused (an
// IPushProducer, as the reactor's TCP transport is): when more than the
// transport's buffer (64 KiB for TCP) waits to be sent to a peer slower
// than the flow, the transport pauses the flow: the flow stops asking for
// input (the transport stops reading) and stops itself until what was
// written has been sent. It stops where it hands its controller results to
// write, or suspends (a Cooperate, a wait on the connection or a
// Deferred): a wake-up while paused waits for ResumeProducing. A peer that
// never reads then holds the server's memory to about a buffer's worth
// plus what the flow writes in one step (what it writes for one chunk
// read, one batch of results), not everything it sends, however the flow
// makes its output: from the data it reads, or from nothing (a generator
// of endless results). A flow that writes with Write in a loop of its own
// that never yields to its controller is not stopped. The controller is
// not told.
//
// The protocol unregisters itself when the flow ends, before closing the
// connection; a controller that wants to register a producer of its own
// unregisters it first (conn.Transport.(protocol.IConsumer).UnregisterProducer()).
// The flow is then no longer its transport's to pause: as Twisted's
// transports, the transport tells the producer it forgets nothing, and
// the protocol learns it from the transport (see [Protocol.registered]).
// Unregistered by the flow's own code (the controller's generator, a
// stage), while its transport is paused, the flow goes on at its next
// step instead of waiting for a resume the transport will never send,
// and asks for input again; unregistered from outside the flow while it
// waits for its transport to drain, it waits, as any paused producer its
// consumer has forgotten, until the code that unregistered it resumes it
// (conn.ResumeProducing()), or a wake-up it was already waiting for (a
// Cooperate's, a Deferred's) runs its next step. The protocol never unregisters a producer
// that is not itself: the one the controller registers stays. A producer
// the Controller registers before it returns the flow stays the
// transport's too: the flow protocol is then not registered, and is not
// stopped by the transport.
var _ protocol.IPushProducer = (*Protocol)(nil)

// A producerReporter is a consumer that tells which producer is
// registered with it (Twisted's transport.producer attribute): the
// reactor's TCP transport, protohelpers.StringTransport.
type producerReporter interface {
	RegisteredProducer() protocol.IProducer
}

// registerProducer registers p with its transport, if the transport can
// pause its reading. A transport that refuses (it panics: a producer the
// Controller registered before the flow runs, Twisted's RuntimeError)
// keeps its producer, and the flow runs unbounded, as the original's,
// which never registers, rather than not at all.
func (p *Protocol) registerProducer() {
	c, ok := p.Transport.(protocol.IConsumer)
	if !ok {
		return
	}
	if _, ok := p.Transport.(protocol.IPushProducer); !ok {
		return
	}
	p.producing = true // before: a transport already lost stops p at once
	if safely(func() { c.RegisterProducer(p, true) }) != nil {
		p.producing = false
	}
}

// unregisterProducer unregisters p, if it is registered.
func (p *Protocol) unregisterProducer() {
	if c, ok := p.Transport.(protocol.IConsumer); ok && p.registered() {
		p.producing = false
		c.UnregisterProducer()
	}
}

// registered reports whether p is its transport's producer: as the
// transport tells, if it does (the controller may have unregistered p,
// registered a producer of its own, or registered p again), else as far
// as p knows.
func (p *Protocol) registered() bool {
	if r, ok := p.Transport.(producerReporter); ok {
		// A type assertion, not ==: a producer of the controller's may be
		// of a type that == panics on.
		q, ok := r.RegisteredProducer().(*Protocol)
		p.producing = ok && q == p
	}
	return p.producing
}

// waitsForDrain reports whether the flow must wait for its transport to
// drain (ResumeProducing) before its next step: it is paused and still
// registered. A flow paused and then unregistered (by its own code) goes
// on, as an unregistered flow is never paused, and asks for input again:
// no one would resume it, nor the reading it paused.
func (p *Protocol) waitsForDrain() bool {
	if !p.paused {
		return false
	}
	if p.registered() {
		return true
	}
	p.paused = false
	p.resumeReading()
	return false
}

// resumeReading resumes the transport's reading, which PauseProducing
// paused, unless the connection is closing (LoseConnection): as Twisted's
// transport, which reads no more once disconnecting.
func (p *Protocol) resumeReading() {
	if d, ok := p.Transport.(interface{ IsDisconnecting() bool }); ok && d.IsDisconnecting() {
		return
	}
	if t, ok := p.Transport.(protocol.IPushProducer); ok {
		t.ResumeProducing()
	}
}

// PauseProducing is the transport's note that too much waits to be sent:
// the flow stops asking for input, pausing the transport's reading, and
// stops at its next step until ResumeProducing.
func (p *Protocol) PauseProducing() {
	p.paused = true
	if t, ok := p.Transport.(protocol.IPushProducer); ok {
		t.PauseProducing()
	}
}

// ResumeProducing is the transport's note that all written has been
// sent (or that of the code that unregistered the protocol while its
// flow waited): the flow asks for input again, and goes on if it stopped. After
// LoseConnection (the flow's controller closing the connection itself)
// the protocol unregisters instead of resuming the transport's reading,
// so that the connection closes as it would have without a producer: no
// more input comes.
func (p *Protocol) ResumeProducing() {
	p.paused = false
	if d, ok := p.Transport.(interface{ IsDisconnecting() bool }); ok && d.IsDisconnecting() {
		p.unregisterProducer()
	} else if t, ok := p.Transport.(protocol.IPushProducer); ok {
		// Before the flow runs: if it fills the buffer again, the
		// transport pauses its reading again.
		t.ResumeProducing()
	}
	if f := p.drained; f != nil {
		p.drained = nil
		f()
	}
}

// StopProducing is the transport's note that the connection is lost (its
// ConnectionLost follows, which runs the flow): the transport has
// forgotten the producer.
func (p *Protocol) StopProducing() { p.producing, p.paused = false, false }

// drainWait is what a flow run as a chain suspends on while its transport
// is paused: its wake-up is the protocol's drained.
type drainWait struct {
	BaseInstruction
	p *Protocol
}

// CallLater makes callable the flow's wake-up once the transport drains.
func (d *drainWait) CallLater(callable func()) { d.p.drained = callable }
