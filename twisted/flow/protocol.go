package flow

import (
	"fmt"
	"reflect"
	"slices"
	"unsafe"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/protocol"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Protocol is a flow-based protocol (twisted.flow.protocol): a protocol
// that is actually a controller. It is at once a [protocol.IProtocol], the
// [Callback] stage its controller reads the connection's data from, and the
// controller that runs the flow.
//
// When the connection is made, the Controller is called with the
// protocol, the connection, and what it returns is wrapped ([Wrap]) and run,
// as [Deferred] runs a flow:
//
//   - the controller yields the connection and reads it: each chunk of
//     data received is one string (Python 2's str) from Next; the stage
//     ends (Next returns StopIteration) when the connection is closed;
//   - it writes with Write (a string or []byte), or by yielding strings:
//     the results of the flow are written, in order (WriteSequence);
//   - when the flow ends, the connection is closed (LoseConnection);
//   - when it fails, the connection is closed and the failure logged as
//     Twisted logs an unhandled error (see Reactor); so is a panic in
//     closing the flow (a user stage's Close), which still closes the
//     connection;
//   - Cooperate pauses the flow on the Reactor, and the flow waits on the
//     Deferreds, Callbacks and Threaded stages it yields, as under
//     flow.Deferred.
//   - the protocol is its transport's streaming producer: while more than
//     64 KiB it wrote wait to be sent, the transport stops reading and the
//     flow stops at its next step (see [Protocol.PauseProducing]).
//
// A chain of [Map], [Filter] and [LineBreak] stages over the connection
// (or over a generator or iterator, or a bare one) runs as [Deferred] runs
// it, on one coroutine that switches to the reactor only when the flow
// suspends (waits for data, a Cooperate, a Deferred, the transport): the
// connection's data goes up the chain by calls, with no coroutine switch
// per line, and the results are written as the chain hands them up. The
// calls of the user's code, their order and the writes are those of the
// pull protocol.
//
// When the connection is lost, the stage finishes on ConnectionDone (a
// clean close), and on ConnectionLost when [FinishOnConnectionLost] is set
// (the default); any other reason, or ConnectionLost when it is not set,
// is the stage's failure: Next returns it (or, if its class is one of
// Trap's, returns the class).
//
// A peer's half-close (it stops sending, and reads on) loses the
// connection too, with ConnectionDone, and drops what the flow has not
// yet sent; with the [HalfCloseable] option it only finishes the stage,
// and the flow's output is all sent.
//
// Every method is called on the reactor's goroutine, as every protocol
// method is.
//
// Python's flow.Protocol is a class whose controller is set afterwards;
// [NewProtocol] is its constructor:
//
//	server = flow.Protocol()              server := flow.NewProtocol()
//	server.controller = echoServer        server.Controller = echoServer
//
// and [MakeProtocol] builds the constructor a factory wants.
type Protocol struct {
	protocol.Protocol
	CallbackStage

	// Controller is called with the protocol when the connection is made:
	// a function of one argument, the *Protocol (func(conn *flow.Protocol)
	// flow.Generator, func(conn *flow.Protocol) *myIterator, ...),
	// returning what Wrap accepts. Nil is flow.Protocol's controller,
	// which raises NotImplementedError.
	Controller any
	// FinishOnConnectionLost makes a connection lost in a non-clean
	// fashion (ConnectionLost, ConnectionAborted) the end of the stage
	// rather than its failure. MakeProtocol and NewProtocol set it.
	FinishOnConnectionLost bool
	// Reactor schedules Cooperate instructions; nil is reactor.Default().
	// Its Logger (if it is a *reactor.Reactor) logs the flow's failure.
	Reactor reactor.IReactorTime

	sched     *scheduler
	producing bool // registered as the transport's producer (producer.go)
	// halfCloseable is the HalfCloseable option; inputEnded is set once
	// ReadConnectionLost has ended the stage (halfclose.go).
	halfCloseable, inputEnded bool
	// paused is set while the transport's buffer is full (PauseProducing):
	// the flow waits, and drained is its wake-up, which ResumeProducing
	// calls; drain is the instruction a chain suspends on meanwhile.
	paused  bool
	drained func()
	drain   drainWait
	// seq is the list WriteSequence is given, kept for the next results;
	// writeErr is the failure of writing a result of a chain (one that
	// is not a string, a panic in the transport): the flow's failure.
	seq      [][]byte
	writeErr *twisted.Failure
	// one holds a result the chain hands the protocol by itself.
	one resultList
}

// A ProtocolOption is an option of [MakeProtocol]: Trap or
// [FinishOnConnectionLost], Python's keyword arguments.
type ProtocolOption func(*Protocol)

// Trap makes the protocol's stage trap the given failure classes (Python's
// trap= keyword argument): the reason of a lost connection of one of them
// is returned by Next as its class, as a result.
func Trap(classes ...*twisted.Class) ProtocolOption {
	return func(p *Protocol) { p.Trap = slices.Clone(classes) }
}

// FinishOnConnectionLost sets Protocol.FinishOnConnectionLost (Python's
// finishOnConnectionLost= keyword argument, True by default).
func FinishOnConnectionLost(finish bool) ProtocolOption {
	return func(p *Protocol) { p.FinishOnConnectionLost = finish }
}

// MakeProtocol constructs a flow-based protocol (flow.makeProtocol): it
// returns a function that builds a new Protocol running controller for
// each connection, which is what a factory's Protocol field wants. For
// example, a simple echo protocol:
//
//	func echoServer(conn *flow.Protocol) flow.Generator {
//		return func(yield func(any) bool) error {
//			if !yield(conn) {
//				return nil
//			}
//			for {
//				data, err := conn.Next()
//				if err != nil {
//					return err // StopIteration: the connection was closed
//				}
//				conn.Write(data)
//				if !yield(conn) {
//					return nil
//				}
//			}
//		}
//	}
//
//	server := &protocol.ServerFactory{}
//	server.Protocol = flow.MakeProtocol(echoServer)
//
// Stages nest, so a lineBreaker generator consuming the connection and
// producing lines makes a line-based protocol without other changes (see
// [LineBreak]).
//
// Python's makeProtocol(controller, baseClass, *callbacks) also takes the
// protocol class to extend and the name of the method whose argument
// feeds the stage ('dataReceived' by default): that is
// [MakeProtocolWithBase] (lines from a basic.LineReceiver, strings from a
// basic.NetstringReceiver, ...).
//
// [Cooperate] instructions are scheduled on the default reactor; see
// [MakeProtocolOn].
func MakeProtocol(controller any, options ...ProtocolOption) func() protocol.IProtocol {
	return MakeProtocolOn(nil, controller, options...)
}

// MakeProtocolOn is [MakeProtocol] on the given reactor: [Cooperate]
// instructions are scheduled with its CallLater. Nil is reactor.Default().
func MakeProtocolOn(r reactor.IReactorTime, controller any, options ...ProtocolOption) func() protocol.IProtocol {
	return func() protocol.IProtocol {
		p := newProtocolOn(r, controller, options)
		if p.halfCloseable {
			return HalfCloseableProtocol{p}
		}
		return p
	}
}

// newProtocolOn is the Protocol that MakeProtocolOn's constructor builds,
// before the HalfCloseable option wraps it.
func newProtocolOn(r reactor.IReactorTime, controller any, options []ProtocolOption) *Protocol {
	p := NewProtocol(options...)
	p.Controller = controller
	p.Reactor = r
	return p
}

// NewProtocol returns a flow Protocol without a controller
// (flow.Protocol(), "a concrete [Protocol] for inheritance"): set its
// Controller before the connection is made.
func NewProtocol(options ...ProtocolOption) *Protocol {
	p := &Protocol{FinishOnConnectionLost: true}
	// Until the flow first waits on the connection, data does not resume
	// it (the original's Callback.Instruction starts with a no-op).
	p.cooperate = &CallbackInstruction{flow: func() {}}
	for _, o := range options {
		o(p)
	}
	return p
}

// ConnectionMade calls the Controller with the protocol and runs the flow
// it returns up to its first suspension.
func (p *Protocol) ConnectionMade() {
	clock := p.Reactor
	if clock == nil {
		clock = reactor.Default()
	}
	p.sched = &scheduler{clock: clock, queue: true}
	p.drain.p = p
	stage := Wrap(p.callController())
	if chainable(stage) {
		c := newChainStage(stage, &p.one)
		c.sink = p.pushed
		stage = c
	}
	p.sched.stage = stage
	p.registerProducer()
	p.sched.start(p, p.woken, afterShutdown)
}

// canPush: the protocol's data runs up its own flow's chain in push mode
// (a chain of LineBreak, Filter and Map over the connection: no coroutine
// switch per line), while the flow is being made: it is p itself (not a
// type embedding it), and no other flow reads it.
func (p *Protocol) canPush(as Stage) bool {
	return as == Stage(p) && p.sched != nil && p.sched.stage == nil
}

// DataReceived gives data to the flow, as one string result of the stage
// (Python's dataReceived is the stage's result method).
func (p *Protocol) DataReceived(data []byte) {
	// data is the protocol's own (IProtocol): it can be the string's
	// memory without a copy, since no one changes it.
	p.Result(unsafe.String(unsafe.SliceData(data), len(data)))
}

// ConnectionLost finishes the stage, or fails it with reason (see
// Protocol), and resumes the flow.
func (p *Protocol) ConnectionLost(reason *twisted.Failure) {
	p.Protocol.ConnectionLost(reason)
	p.paused, p.drained = false, nil // the flow takes its end whatever it waited on
	// A half-close may have ended the stage already (halfclose.go).
	if !p.inputEnded {
		p.endInput(reason)
	}
	p.resume()
}

// endInput finishes the stage, or fails it with reason (see Protocol).
func (p *Protocol) endInput(reason *twisted.Failure) {
	if reason == nil {
		reason = reactor.ConnectionDoneFailure() // Python's default, connectionDone
	}
	if reason.Check(reactor.ConnectionDone) != nil ||
		(reason.Check(reactor.ConnectionLost) != nil && p.FinishOnConnectionLost) {
		p.Finish()
	} else {
		p.Errback(reason)
	}
}

// resume runs the flow when something it may wait on arrives.
func (p *Protocol) resume() {
	if p.sched != nil {
		p.sched.run(p)
	}
}

// Write writes data, a string or a []byte, to the connection (the
// transport's write). Anything else panics with a TypeError: inside the
// controller's generator, the flow's failure.
func (p *Protocol) Write(data any) {
	b, err := bytesOf(data)
	if err != nil {
		panic(err)
	}
	p.Transport.Write(b)
}

// bytesOf returns data to write: a string's memory or a []byte, as it is.
// The string's memory is not copied because ITransport's Write neither
// modifies nor retains what it is given.
func bytesOf(data any) ([]byte, error) {
	switch d := data.(type) {
	case string:
		return unsafe.Slice(unsafe.StringData(d), len(d)), nil
	case []byte:
		return d, nil
	}
	return nil, twisted.TypeError.New(fmt.Sprintf("data must be a string or []byte, not %T", data))
}

// callController calls the Controller with p, as the original calls
// self.controller(self); a panic or a bad Controller gives a stage that
// fails.
func (p *Protocol) callController() (out any) {
	defer func() {
		if v := recover(); v != nil {
			out = failed(twisted.FailureFromPanic(v))
		}
	}()
	switch c := p.Controller.(type) {
	case nil:
		return failed(twisted.NotImplementedError.New())
	case func(*Protocol) Generator:
		return c(p)
	case func(*Protocol) any:
		return c(p)
	}
	v := reflect.ValueOf(p.Controller)
	if t := v.Type(); t.Kind() != reflect.Func || t.NumIn() != 1 || t.NumOut() != 1 ||
		!reflect.TypeOf(p).AssignableTo(t.In(0)) {
		return failed(twisted.TypeError.New(fmt.Sprintf("flow.Protocol's Controller must be a function of the *flow.Protocol, not %T", p.Controller)))
	}
	return v.Call([]reflect.Value{reflect.ValueOf(p)})[0].Interface()
}

// execute runs the flow until it suspends or ends (_Protocol._execute).
// Every wake-up calls it, through the scheduler's run: a wake-up from
// inside the flow (a transport that delivers synchronously) makes the
// running loop go round once more, where the original runs the flow
// inside itself. A panic out of the flow (a stage of the user's own, a
// CallLater that rejects its delay) fails it, as a failure of the flow
// does: it does not escape into the reactor. While the transport is
// paused, the flow is not run: the wake-up waits for ResumeProducing.
func (p *Protocol) execute() {
	s := p.sched
	st := s.stage.State()
	for !s.done {
		if p.waitsForDrain() {
			p.drained = s.wake
			return
		}
		inst := s.yield()
		if f := p.writeErr; f != nil { // a result of a chain (pushed)
			p.fail(f)
			return
		}
		if inst != nil {
			wait, err := s.suspend(inst)
			if err != nil {
				p.fail(twisted.NewFailure(err))
				return
			}
			if wait {
				return
			}
			continue
		}
		// The original's order: the end, then a failure, then results.
		if st.Stop {
			p.ended()
			return
		}
		if st.Failure != nil {
			p.fail(st.Failure)
			return
		}
		if len(st.Results) > 0 {
			err := p.write(st.Results)
			clear(st.Results)
			st.Results = st.Results[:0]
			if err != nil {
				p.fail(twisted.NewFailure(err))
				return
			}
		}
	}
}

// write writes results, a batch of the flow's, with one WriteSequence;
// if one is not a string or []byte, it writes nothing and returns the
// TypeError.
func (p *Protocol) write(results []any) error {
	seq := p.seq[:0]
	p.seq = nil // a transport delivering inside the write reaches no other write
	for _, r := range results {
		b, err := bytesOf(r)
		if err != nil {
			return err
		}
		seq = append(seq, b)
	}
	p.Transport.WriteSequence(seq)
	clear(seq)
	p.seq = seq
	return nil
}

// pushed is the sink of a flow run as a chain (chain.go): it writes each
// batch of results as the chain hands it up, as execute writes those of
// each Yield in pull mode, and the chain suspends there while the
// transport is paused. The results that come with the end or a failure
// are not written: the original handles the end first. A result that is
// not a string, or a panic in the transport's write, stops the chain
// (its generators' yield returns false, as they are closed in pull mode
// once the failure reaches the protocol's loop), and fails the flow.
func (p *Protocol) pushed(r *pushRun, results []any, end bool) bool {
	if end || len(results) == 0 {
		return true
	}
	if f := p.writeChecked(results); f != nil {
		p.writeErr = f
		r.halt = true
		return false
	}
	return !p.waitsForDrain() || r.serve(&p.drain)
}

// writeChecked is write, its error or a panic in it made a failure.
func (p *Protocol) writeChecked(results []any) (f *twisted.Failure) {
	returned := false
	defer func() {
		if !returned {
			if v := recover(); v != nil {
				f = twisted.FailureFromPanic(v)
			}
		}
	}()
	if err := p.write(results); err != nil {
		f = twisted.NewFailure(err)
	}
	returned = true
	return f
}

// end closes the flow and then the connection; it returns the failure of
// a panic in closing the flow, which does not keep the connection open,
// or in the transport's UnregisterProducer or LoseConnection (the earlier
// then logged).
func (p *Protocol) end() *twisted.Failure {
	if p.sched.done {
		return nil
	}
	f := p.sched.finish()
	if p.Connected {
		for _, close := range []func(){p.unregisterProducer, p.Transport.LoseConnection} {
			if lf := safely(close); lf != nil {
				if f != nil {
					logUnhandled(loggerOf(p.sched.clock), f)
				}
				f = lf // a panic in the transport's UnregisterProducer or LoseConnection
			}
		}
	}
	return f
}

// shutdown ends the flow as the reactor shuts down.
func (p *Protocol) shutdown() { p.ended() }

// woken is every wake-up of the flow (the scheduler's wake).
func (p *Protocol) woken() { p.sched.wakeUp(p) }

// ended ends the flow (at its end, or as the reactor shuts down), logging
// a panic in closing it.
func (p *Protocol) ended() {
	if f := p.end(); f != nil {
		logUnhandled(loggerOf(p.sched.clock), f)
	}
}

// fail ends the flow with f: the connection is closed and f logged as an
// unhandled error, where the original re-raises it into the reactor (which
// logs it); a panic in closing the flow is logged after it.
func (p *Protocol) fail(f *twisted.Failure) {
	cf := p.end()
	logger := loggerOf(p.sched.clock)
	logUnhandled(logger, f)
	if cf != nil {
		logUnhandled(logger, cf)
	}
}

var (
	_ protocol.IProtocol = (*Protocol)(nil)
	_ Stage              = (*Protocol)(nil)
)
