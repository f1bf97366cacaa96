package flow

import (
	"context"
	"fmt"
	"io"
	"iter"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A Chunker is a source whose values are chunks (slices) of results
// rather than single results: [Threaded] adds each chunk's items to its
// results (the original's chunked attribute).
type Chunker interface {
	Chunked() bool
}

// ThreadedStage is the stage made by [Threaded].
type ThreadedStage struct {
	Base
	// r is the reactor whose thread pool runs the source and whose
	// goroutine receives its results: given to ThreadedOn, or else the
	// controller's (bindTo). The thread starts once it is known.
	r         reactor.IReactorThreads
	source    any
	cooperate *ThreadedInstruction
	chunked   bool
	closed    atomic.Bool
	// ctx is what an IterableContext source is given; Close cancels it.
	ctx    context.Context
	cancel context.CancelFunc
	// registered is the registry of r (a *reactor.Reactor) while the
	// thread runs: the reactor's shutdown closes the stage.
	registered registration

	// The worker hands its results over under mu; one flush at a time
	// is scheduled on the reactor to move them into Base. The worker
	// waits while threadedBuffer values are handed over and not yet taken
	// by the flow (in buf, or moved into Results by a flush while the
	// flow has not asked for more since): room is signalled when the flow
	// asks for more, and when the stage is closed.
	mu      sync.Mutex
	room    sync.Cond
	buf     []any
	moved   int
	bufStop bool
	bufErr  error
	pending bool
}

// threadedBuffer is how many values a Threaded stage's thread runs ahead
// of its flow (a chunk of a Chunker counts as its items, and is handed
// over whole).
const threadedBuffer = 1024

// ThreadedInstruction is what a [ThreadedStage] returns while it waits for
// its thread (Threaded.Instruction): the callable given to its CallLater
// is called on the reactor goroutine as soon as results, the end, or a
// failure arrive.
type ThreadedInstruction struct {
	BaseInstruction
	stage    *ThreadedStage
	callable func()
}

// CallLater keeps callable, to be called when the thread hands something
// over; if the stage already has something (the thread has handed results,
// its end or its failure over), callable is scheduled at once, as the
// original's "immediate" instruction does with callLater(0, callable).
//
// The controllers of this package do not call it: they bind the stage to
// their own reactor (see [Threaded]). Called by other code, it binds a stage
// made without a reactor to reactor.Default().
func (i *ThreadedInstruction) CallLater(callable func()) {
	t := i.stage
	if t.r == nil {
		_ = t.bindTo(reactor.Default()) // a *Reactor: cannot fail
	}
	if t.ready() {
		if clock, ok := t.r.(reactor.IReactorTime); ok {
			clock.CallLater(0, callable)
		} else {
			t.r.CallFromThread(callable)
		}
		return
	}
	i.callable = callable
}

// PyRepr prints the instruction as Python prints a Threaded.Instruction.
func (i *ThreadedInstruction) PyRepr() string {
	return fmt.Sprintf("<twisted.flow.threads.Instruction instance at %p>", i)
}

// Threaded is a stage which runs a blocking iterable in a goroutine of a
// reactor's thread pool (twisted.flow.threads.Threaded): [ThreadedOn] with
// no reactor, that of the controller that runs it. Python has one
// reactor; here the stage takes its controller's: the thread starts when
// the flow first waits on the stage under [Deferred] (or [DeferredOn], a
// flow Protocol, a web page), on that controller's reactor. A controller
// whose clock has no threads (a [*reactor.Clock]) fails the flow at once
// with a RuntimeError: there is no goroutine to hand the results to.
func Threaded(source any, trap ...*twisted.Class) *ThreadedStage {
	return ThreadedOn(nil, source, trap...)
}

// ThreadedOn is a stage which runs a blocking source in r's thread pool
// (CallInThread) and tunnels its output to the flow, on the reactor
// goroutine (CallFromThread). While no result has arrived it returns a
// [ThreadedInstruction], which suspends the flow until one does. A nil r is
// [Threaded]'s: the controller's reactor.
//
// The source is an [Iterable] (its Iter is called in the thread), an
// [Iterator], a [Generator] or iter.Seq[any], a list, or a string (or
// []byte), whose characters are the results, as Python's iter(str) gives
// them; only the thread calls it. If the source is a [Chunker] whose
// Chunked is true, each of its values is a slice of results (a string:
// its characters). Anything else (or a chunk that is neither) fails the
// flow with Python's TypeError: "'int' object is not iterable".
//
// Results cross over in batches: the thread appends them to a buffer, and
// asks the reactor for one hand-over at a time, so a fast source costs a
// reactor wake-up per batch, not per item. The buffer is bounded (the
// original's is not): the thread waits once it is 1024 values ahead of
// the flow.
//
// An error from the source (Iter or Next), or a panic in it, is the
// stage's failure; trap lists the failure classes Next returns as results
// (the original dropped the trap list, and hung when Iter failed). Closing
// the stage (the controller does when the flow ends or is cancelled, and
// the reactor when it shuts down) makes the thread stop before its next
// item. A Next that blocks cannot be interrupted, unless the source is an
// [IterableContext], whose context is cancelled: Run waits for such a
// thread to return when the reactor stops.
//
// The flow must run on r's goroutine (flow.DeferredOn(r, ...)): that is
// where the results are handed over. A controller on another
// [*reactor.Reactor] fails the flow at once with a RuntimeError.
func ThreadedOn(r reactor.IReactorThreads, source any, trap ...*twisted.Class) *ThreadedStage {
	t := &ThreadedStage{source: source}
	t.room.L = &t.mu
	t.ctx, t.cancel = context.WithCancel(context.Background())
	t.cooperate = &ThreadedInstruction{stage: t}
	t.Trap = slices.Clone(trap)
	if c, ok := source.(Chunker); ok {
		if f := safely(func() { t.chunked = c.Chunked() }); f != nil {
			t.Failure = f // a panic in Chunked: no thread, the flow fails
			t.closed.Store(true)
		}
	}
	if r != nil && !isNilRef(r) {
		t.begin(r)
	}
	return t
}

// begin binds the stage to r and starts its thread.
func (t *ThreadedStage) begin(r reactor.IReactorThreads) {
	t.r = r
	register(r, &t.registered, t, beforeShutdown)
	if t.closed.Load() {
		return // closed before it began, or r has shut down
	}
	if f := safely(func() { r.CallInThread(t.process) }); f != nil {
		// A panic in the reactor's CallInThread: no thread, the flow fails.
		t.registered.remove(r)
		t.Failure = f
		t.closed.Store(true)
	}
}

// bindTo makes a stage made without a reactor use its controller's clock
// (which must have threads: a *reactor.Reactor), and checks that a stage
// made with one runs under a controller on the same reactor.
func (t *ThreadedStage) bindTo(clock reactor.IReactorTime) error {
	th, hasThreads := clock.(reactor.IReactorThreads)
	if t.r == nil {
		if !hasThreads {
			return twisted.RuntimeError.New(fmt.Sprintf(
				"flow.Threaded has no reactor to run on: its controller's %T has no threads (make it with flow.ThreadedOn)", clock))
		}
		t.begin(th)
		return nil
	}
	if hasThreads && !sameObject(th, t.r) {
		return twisted.RuntimeError.New(fmt.Sprintf(
			"flow.Threaded runs on reactor %p, but its controller on reactor %p: the results would be handed to another goroutine", t.r, th))
	}
	return nil
}

// sameObject reports whether a and b are the same value, without
// panicking on values of a type that cannot be compared.
func sameObject(a, b any) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb {
		return false
	}
	if ta == nil || !ta.Comparable() {
		return ta == nil
	}
	return a == b
}

// Yield returns the [ThreadedInstruction] until the thread has handed
// results, the end, or a failure over.
func (t *ThreadedStage) Yield() Instruction {
	if t.ready() {
		return nil
	}
	t.mu.Lock()
	if t.moved > 0 {
		// The flow has taken what was moved: the thread may go on.
		t.moved = 0
		t.room.Broadcast()
	}
	t.mu.Unlock()
	return t.cooperate
}

// Close asks the thread to stop before its next item, and cancels the
// context an [IterableContext] source was given.
func (t *ThreadedStage) Close() {
	t.closed.Store(true)
	t.cancel()
	t.mu.Lock()
	t.room.Broadcast()
	t.mu.Unlock()
}

// shutdown closes the stage as its reactor shuts down.
func (t *ThreadedStage) shutdown() { t.Close() }

// process runs in the thread: it iterates the source to its end.
func (t *ThreadedStage) process() {
	defer t.registered.remove(t.r)
	it, err := iterate(t.ctx, t.source)
	if err != nil {
		t.hand(nil, false, err)
		return
	}
	switch c := it.(type) {
	case interface{ Close() }:
		defer c.Close()
	case io.Closer:
		defer func() { _ = c.Close() }() // as iterStage.Close: the flow has its result already
	}
	for !t.closed.Load() {
		v, err := pull(it)
		if err == nil && t.chunked {
			v, err = chunkItems(v)
		}
		switch {
		case err == nil:
			t.hand(v, true, nil)
		case isStop(err):
			t.hand(nil, false, nil)
			return
		default:
			t.hand(nil, false, err)
			return
		}
	}
}

// hand passes a value, or the end (err nil) or failure of the source, to
// the reactor goroutine. A value waits for room in the buffer; once the
// stage is closed, it is dropped.
func (t *ThreadedStage) hand(v any, isValue bool, err error) {
	t.mu.Lock()
	if isValue {
		for len(t.buf)+t.moved >= threadedBuffer && !t.closed.Load() {
			t.room.Wait()
		}
		if t.closed.Load() {
			t.mu.Unlock()
			return
		}
	}
	switch {
	case isValue && t.chunked:
		t.buf = append(t.buf, items(v)...)
	case isValue:
		t.buf = append(t.buf, v)
	case err != nil:
		t.bufErr = err
	default:
		t.bufStop = true
	}
	schedule := !t.pending
	t.pending = true
	t.mu.Unlock()
	if schedule {
		t.r.CallFromThread(t.flush)
	}
}

// flush runs on the reactor goroutine: it moves what the thread handed
// over into the stage, and resumes the flow if it waits.
func (t *ThreadedStage) flush() {
	t.mu.Lock()
	values := len(t.buf) > 0
	t.Results = append(t.Results, t.buf...)
	t.moved += len(t.buf)
	clear(t.buf)
	t.buf = t.buf[:0]
	// The end (or the failure) never arrives with values: as in the
	// original, where each value and then the end are reactor calls of
	// their own, the flow sees the last values with Stop still false (a
	// Concurrent drops a stopped branch, results and all), and the end at
	// its next wake-up.
	again := values && (t.bufStop || t.bufErr != nil)
	if !again {
		if t.bufErr != nil {
			t.Failure = twisted.NewFailure(t.bufErr)
			t.bufErr = nil
		}
		if t.bufStop {
			t.Stop = true
		}
	}
	t.pending = again
	t.mu.Unlock()
	if again {
		t.r.CallFromThread(t.flush)
	}
	if c := t.cooperate.callable; c != nil {
		t.cooperate.callable = nil
		c()
	}
}

// An IterableContext is an [Iterable] whose Iter takes a context: [Threaded]
// gives it one that is cancelled when the flow is closed (it ended,
// failed or was cancelled), so that a Next blocked in the thread (a
// query, a read) can be interrupted. Package threads' QuerySource is one.
type IterableContext interface {
	IterContext(ctx context.Context) (Iterator, error)
}

// iterate returns an iterator over source, as Python's iter(source); an
// IterableContext is given ctx.
func iterate(ctx context.Context, source any) (it Iterator, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = twisted.FailureFromPanic(r)
		}
	}()
	if isNilRef(source) {
		return nil, notIterable(nil) // Python's iter(None)
	}
	switch s := source.(type) {
	case IterableContext:
		return s.IterContext(ctx)
	case Iterable:
		return s.Iter()
	case Iterator:
		return s, nil
	case Generator:
		return newGenIter(s), nil
	case func(func(any) bool) error:
		return newGenIter(s), nil
	case iter.Seq[any]:
		return newGenIter(seqGenerator(s)), nil
	case func(func(any) bool):
		return newGenIter(seqGenerator(s)), nil
	case string:
		return &sliceIter{items: chars(s)}, nil
	case []byte:
		return &sliceIter{items: chars(s)}, nil
	}
	if v := reflect.ValueOf(source); v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		return &sliceIter{items: items(source)}, nil
	}
	if g, ok := seqOf(source); ok {
		return newGenIter(g), nil
	}
	return nil, notIterable(source)
}

// items returns the items of a slice or array as []any.
func items(v any) []any {
	if s, ok := v.([]any); ok {
		return s
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return []any{v}
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out
}

// sliceIter iterates over a list.
type sliceIter struct{ items []any }

func (s *sliceIter) Next() (any, error) {
	if len(s.items) == 0 {
		return nil, errStop
	}
	v := s.items[0]
	s.items = s.items[1:]
	return v, nil
}
