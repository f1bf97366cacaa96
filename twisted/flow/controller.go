package flow

import (
	"context"
	"sync"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Deferred runs a flow on the default reactor and returns a Deferred that
// fires with the list of its results ([]any), or with its failure
// (flow.Deferred). A failure of one of the trap classes is not an end: the
// class is appended to the results, and the flow goes on.
//
// Deferred runs the flow at once, up to its first suspending instruction:
// a flow that does not suspend has fired the Deferred when Deferred
// returns. [Cooperate] is then served by the reactor's CallLater; a flow
// waiting on a Deferred resumes when it fires; [Callback] and [Threaded]
// resume it when they have something. A chain of [Map], [Filter] and
// [LineBreak] stages over a generator or iterator (or a bare iterator)
// runs as Block.All runs it, on one coroutine that switches to the reactor
// only when the flow suspends; a bare generator runs on its own coroutine,
// which hands its results to the Deferred's list itself and switches only
// as the flow suspends too. The calls of the user's code, and their order,
// are those of the pull protocol.
//
//	d = flow.Deferred([1, 2, 3])       d := flow.Deferred([]any{1, 2, 3})
//	d.addCallback(res)                 d.AddCallback(res)
//
// Cancelling the Deferred stops the flow: its generators are closed
// (their deferred calls run), its threads stop after their current item,
// its pending wake-ups are cancelled, and the Deferred fails with
// [deferred.CancelledError]. The flow is closed in the same way when it
// ends or fails. A panic in closing it (a user stage's Close, a
// generator's deferred call) is a failure too: the Deferred errbacks with
// it, or, if the Deferred has its outcome already (the flow failed, or
// was cancelled), it is logged as an unhandled error on the reactor's
// Logger (slog.Default() for a clock without one).
//
// When the reactor (a [*reactor.Reactor]) shuts down, the flows still
// running on it are cancelled in the before-shutdown phase, in the order
// they started: Twisted leaves them suspended as the process exits, but a
// Go program goes on after Run, and a suspended flow holds a goroutine.
//
// A flow run by Deferred belongs to the reactor's goroutine: Callback
// producers and the Deferreds it waits on must be fired from there.
func Deferred(stage any, trap ...*twisted.Class) *deferred.Deferred {
	return DeferredOn(reactor.Default(), stage, trap...)
}

// DeferredOn is Deferred on the given reactor: [Cooperate] instructions are
// scheduled with its CallLater. Tests pass a [*reactor.Clock]. A nil clock
// is reactor.Default(), as for [MakeProtocolOn].
func DeferredOn(clock reactor.IReactorTime, stage any, trap ...*twisted.Class) *deferred.Deferred {
	if clock == nil {
		clock = reactor.Default()
	}
	_, held := stage.(Stage) // a stage the caller holds, and may look into
	r := &runner{}
	r.clock, r.stage = clock, Wrap(stage, trap...)
	switch s := r.stage.(type) {
	case *iterStage:
		if g, ok := s.it.(*genIter); ok && g.fresh() && !s.Chunked {
			// A bare generator is pulled, and its coroutine puts its
			// results in the list (genPull.into): it switches only to
			// suspend, as a chain's does, without the chain (208 B that
			// a suspended flow would hold). Pulling is the protocol the
			// chain imitates.
			g.start(s)
			g.pull.into = &r.results
		} else if chainable(s) {
			r.stage = newChainStage(s, &r.results)
		}
	default:
		if chainable(s) {
			r.stage = newChainStage(s, &r.results)
		}
	case *listStage:
		if held || s.ready() {
			r.results.cur = make([]any, 0, len(s.seq)) // at most that many results
			break
		}
		// The list is Wrap's private copy: its items go straight into
		// the results, written over the slots already read (a result is
		// never ahead of the item it came from, and nothing else adds to
		// the results: a list cannot fail), so that the flow allocates no
		// list but the copy.
		r.results.cur = s.seq[:0]
		s.into = &r.results.cur
	}
	r.d = deferred.NewWithCancellerOf(r) // no closure: a suspended flow keeps 16 B less
	r.start(r, r.woken, beforeShutdown)
	return r.d
}

// DeferredContext is DeferredOn(r, stage, trap...) with a context: once
// ctx is done, the flow's Deferred is cancelled on r's goroutine (through
// CallFromThread), as Cancel does there: the flow is closed and the
// Deferred fails with [deferred.CancelledError], unless it has fired. A nil
// r is reactor.Default(). Like [DeferredOn], it is called on r's goroutine.
func DeferredContext(ctx context.Context, r *reactor.Reactor, stage any, trap ...*twisted.Class) *deferred.Deferred {
	if r == nil {
		r = reactor.Default()
	}
	d := DeferredOn(r, stage, trap...)
	if d.Called() {
		return d
	}
	stop := context.AfterFunc(ctx, func() { r.CallFromThread(d.Cancel) })
	return d.AddBoth(func(res any) (any, error) {
		stop()
		return res, nil
	})
}

// runner is the Deferred controller's state: its scheduler, the
// Deferred and the results.
type runner struct {
	scheduler
	d       *deferred.Deferred
	results resultList
}

// execute runs the flow until it suspends or ends (Deferred._execute).
// Every wake-up calls it, through the scheduler's run.
//
// A panic out of the flow (a stage of the user's own, a CallLater that
// rejects its delay) fails the Deferred, where the original's exception
// escapes into the reactor and its Deferred never fires.
func (r *runner) execute() {
	cmd := r.stage
	st := cmd.State()
	root := r.rootPull()
	for {
		if root != nil {
			root.byRoot = true
		}
		inst := r.yield()
		if root != nil {
			root.byRoot = false
		}
		if r.done {
			// Cancelled from inside the flow: the Deferred has failed.
			return
		}
		if len(st.Results) > 0 {
			r.results.add(st.Results)
			st.Results = nil // as cmd.results = []: whoever holds the old list keeps it
		}
		if st.Stop {
			r.end(r.results.list())
			return
		}
		if st.Failure != nil {
			st.Stop = true
			if c := st.Failure.Check(st.Trap...); c != nil {
				r.results.add([]any{c})
				continue
			}
			r.end(st.Failure)
			return
		}
		if inst != nil {
			if _, err := r.suspend(inst); err != nil {
				r.end(twisted.NewFailure(err))
			}
			return
		}
	}
}

// rootPull returns the coroutine of the bare generator at the root of the
// flow whose results go straight to r's list (see DeferredOn), or nil.
func (r *runner) rootPull() *genPull {
	if s, ok := r.stage.(*iterStage); ok {
		if g, ok := s.it.(*genIter); ok && g.pull != nil && g.pull.into == &r.results {
			return g.pull
		}
	}
	return nil
}

// CancelDeferred is the canceller of the flow's Deferred: it closes the
// flow, and the Deferred then fails with CancelledError (a panic in
// closing it is logged).
func (r *runner) CancelDeferred(*deferred.Deferred) {
	if f := r.finish(); f != nil {
		logUnhandled(loggerOf(r.clock), f)
	}
}

// fail ends the flow with f (a panic out of the flow).
func (r *runner) fail(f *twisted.Failure) { r.end(f) }

// end finishes the flow and fires the Deferred with res, or errbacks it
// when res is a *twisted.Failure. A panic in closing the flow's stages
// takes the place of a result; after a failure it is logged as an
// unhandled error on the clock's Logger.
func (r *runner) end(res any) {
	cf := r.finish()
	if f, ok := res.(*twisted.Failure); ok {
		r.d.Errback(f)
		if cf != nil {
			logUnhandled(loggerOf(r.clock), cf)
		}
		return
	}
	if cf != nil {
		r.d.Errback(cf)
		return
	}
	r.d.Callback(res)
}

// shutdown ends the flow as the reactor shuts down: its Deferred is
// cancelled.
func (r *runner) shutdown() { r.d.Cancel() }

// woken is every wake-up of the flow (the scheduler's wake).
func (r *runner) woken() { r.wakeUp(r) }

// A resultList is the Deferred controller's list of results. It fills
// chunks of at most chunkMax items and copies them into one list of the
// exact length at the end. Growing one list by doubling allocates and
// zeroes up to four times the final list in large objects, for which the
// allocator takes fresh pages: most of a long flow's time went there.
//
// The first chunk is 16 items, or a list the controller made (or Wrap's
// copy), which must not go to the pool: only a later chunk can be a
// pooled one, chunkMax items long. (So that is not kept in a field, nor
// the count of the items in full: a suspended flow holds its list.)
//
// The chunks filled are behind a pointer, made when the first chunk is
// full: a flow of a few results never has one, and the 16 bytes a slice
// header would add take the runner a size class up (160 to 176 B).
type resultList struct {
	cur  []any    // the chunk being filled
	full *[][]any // the chunks filled before it, nil before the first is
}

// chunkMax is the largest chunk, in items: 16 KiB, a small object for
// the allocator. Chunks start at 16 items and double up to it, so that a
// short flow allocates little.
const chunkMax = 1024

// spill starts a new chunk once cur is full.
func (l *resultList) spill() {
	c := cap(l.cur)
	if len(l.cur) < c {
		return
	}
	size := 16
	if c > 0 {
		if l.full == nil {
			l.full = new([][]any)
		}
		*l.full = append(*l.full, l.cur)
		size = min(2*c, chunkMax)
	}
	if size == chunkMax {
		if c, ok := chunks.Get().(*[]any); ok {
			l.cur = *c
			return
		}
	}
	l.cur = make([]any, 0, size)
}

// chunks holds the full-size chunks that list has copied out, cleared,
// for the next flows: a long flow then allocates only its final list.
var chunks sync.Pool

// add1 appends v.
func (l *resultList) add1(v any) {
	if len(l.cur) == cap(l.cur) {
		l.spill()
	}
	l.cur = append(l.cur, v)
}

// add appends vals.
func (l *resultList) add(vals []any) {
	for len(vals) > 0 {
		l.spill()
		k := copy(l.cur[len(l.cur):cap(l.cur)], vals)
		l.cur = l.cur[:len(l.cur)+k]
		vals = vals[k:]
	}
}

// list returns the results as one list.
func (l *resultList) list() []any {
	if l.full == nil {
		if l.cur == nil {
			return []any{}
		}
		return l.cur
	}
	full := *l.full
	n := len(l.cur)
	for _, c := range full {
		n += len(c)
	}
	out := make([]any, 0, n)
	for _, c := range full {
		out = append(out, c...)
	}
	out = append(out, l.cur...)
	for i, c := range append(full, l.cur) {
		if i > 0 && cap(c) == chunkMax {
			clear(c)
			c = c[:0]
			chunks.Put(&c)
		}
	}
	l.full, l.cur = nil, nil
	return out
}
