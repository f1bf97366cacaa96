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
// rather than single results: Threaded adds each chunk's items to its
// results (the original's chunked attribute).
type Chunker interface {
	Chunked() bool
}

// ThreadedStage is the stage made by Threaded.
type ThreadedStage struct {
	Base
	r         reactor.IReactorThreads
	source    any
	cooperate *ThreadedInstruction
	chunked   bool
	closed    atomic.Bool
	// ctx is what an IterableContext source is given; Close cancels it.
	ctx    context.Context
	cancel context.CancelFunc

	// The worker hands its results over under mu; one flush at a time
	// is scheduled on the reactor to move them into Base.
	mu      sync.Mutex
	buf     []any
	bufStop bool
	bufErr  error
	pending bool
}

// ThreadedInstruction is what a ThreadedStage returns while it waits for
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
func (i *ThreadedInstruction) CallLater(callable func()) {
	if i.stage.ready() {
		if clock, ok := i.stage.r.(reactor.IReactorTime); ok {
			clock.CallLater(0, callable)
		} else {
			i.stage.r.CallFromThread(callable)
		}
		return
	}
	i.callable = callable
}

// PyRepr prints the instruction as Python prints a Threaded.Instruction.
func (i *ThreadedInstruction) PyRepr() string {
	return fmt.Sprintf("<twisted.flow.threads.Instruction instance at %p>", i)
}

// Threaded is a stage which runs a blocking iterable in a goroutine of the
// default reactor's thread pool (twisted.flow.threads.Threaded); see
// ThreadedOn.
func Threaded(source any, trap ...*twisted.Class) *ThreadedStage {
	return ThreadedOn(reactor.Default(), source, trap...)
}

// ThreadedOn is a stage which runs a blocking source in r's thread pool
// (CallInThread) and tunnels its output to the flow, on the reactor
// goroutine (CallFromThread). While no result has arrived it returns a
// ThreadedInstruction, which suspends the flow until one does.
//
// The source is an Iterable (its Iter is called in the thread), an
// Iterator, a Generator or iter.Seq[any], or a list; only the thread
// calls it. If the source is a Chunker whose Chunked is true, each of its
// values is a slice of results.
//
// Results cross over in batches: the thread appends them to a buffer, and
// asks the reactor for one hand-over at a time, so a fast source costs a
// reactor wake-up per batch, not per item. The buffer is not bounded, as
// in the original: the thread runs ahead of the flow.
//
// An error from the source (Iter or Next), or a panic in it, is the
// stage's failure; trap lists the failure classes Next returns as results
// (the original dropped the trap list, and hung when Iter failed). Closing
// the stage (the controller does when the flow ends or is cancelled) makes
// the thread stop before its next item; it cannot interrupt a Next that
// blocks, unless the source is an IterableContext, whose context it
// cancels.
//
// The flow must run on r's goroutine (flow.DeferredOn(r, ...)): that is
// where the results are handed over.
func ThreadedOn(r reactor.IReactorThreads, source any, trap ...*twisted.Class) *ThreadedStage {
	if r == nil {
		r = reactor.Default()
	}
	t := &ThreadedStage{r: r, source: source}
	t.ctx, t.cancel = context.WithCancel(context.Background())
	t.cooperate = &ThreadedInstruction{stage: t}
	t.Trap = slices.Clone(trap)
	if c, ok := source.(Chunker); ok {
		t.chunked = c.Chunked()
	}
	r.CallInThread(t.process)
	return t
}

// Yield returns the ThreadedInstruction until the thread has handed
// results, the end, or a failure over.
func (t *ThreadedStage) Yield() Instruction {
	if t.ready() {
		return nil
	}
	return t.cooperate
}

// Close asks the thread to stop before its next item, and cancels the
// context an IterableContext source was given.
func (t *ThreadedStage) Close() {
	t.closed.Store(true)
	t.cancel()
}

// process runs in the thread: it iterates the source to its end.
func (t *ThreadedStage) process() {
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
// the reactor goroutine.
func (t *ThreadedStage) hand(v any, isValue bool, err error) {
	t.mu.Lock()
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

// An IterableContext is an Iterable whose Iter takes a context: Threaded
// gives it one that is cancelled when the flow is closed (it ended,
// failed or was cancelled), so that a Next blocked in the thread (a
// query, a read) can be interrupted. QuerySource is one.
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
	}
	if v := reflect.ValueOf(source); v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		return &sliceIter{items: items(source)}, nil
	}
	if g, ok := seqOf(source); ok {
		return newGenIter(g), nil
	}
	return nil, twisted.TypeError.New(fmt.Sprintf("%s object is not iterable", twisted.Repr(source)))
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
