package task

import (
	"errors"
	"iter"
	"runtime"

	"github.com/twistedflow/twistedflow/twisted"
)

// An Iterator is the work of a cooperative task, one unit per call of
// Next, as a Python iterator is one unit per next(): Next returns the
// unit's result, a twisted.StopIteration error when the work is done, or
// any other error (or panics) when the work fails.
//
// A result that is a *deferred.Deferred pauses the task until it fires:
// the Cooperator calls Next again only after the Deferred succeeds, and
// fails the task if it fails. Any other result is ignored.
//
// The stages of package flow are Iterators; FromSeq makes one of a Go
// iterator function, the usual way to write a task.
type Iterator interface {
	Next() (any, error)
}

// IteratorFunc adapts a function to the Iterator interface.
type IteratorFunc func() (any, error)

// Next calls f.
func (f IteratorFunc) Next() (any, error) { return f() }

// isStop reports whether err ends an iterator cleanly: a StopIteration,
// as Python's `except StopIteration` catches.
func isStop(err error) bool {
	return errors.Is(err, twisted.StopIteration)
}

// FromSeq returns a Generator that runs seq one step per Next, as a
// Python generator runs to its next yield: each value seq yields is the
// result of one Next, and the end of seq is StopIteration. A panic in seq
// is the task's failure, as an exception raised in a generator. seq does
// not start until the first Next.
func FromSeq(seq iter.Seq[any]) *Generator {
	return &Generator{seq: seq}
}

// A Generator is an Iterator over a Go iterator function (see FromSeq),
// run step by step on a coroutine, as a Python generator.
//
// When a task ends before its Generator does (the task is stopped or
// fails, or its Cooperator is stopped), the Cooperator closes it. Close a
// Generator that is left suspended otherwise (a task paused for good), or
// it is closed only once it is garbage, as CPython closes a generator it
// drops.
type Generator struct {
	seq  iter.Seq[any]
	next func() (any, bool)
	stop func()
	done bool
	// running is true while seq runs (inside Next); closing says that
	// Close was called then, from seq itself: the Generator closes once
	// seq has yielded.
	running, closing bool
}

// Next runs seq to its next yield and returns the value yielded; a
// StopIteration error once seq has returned or the Generator is closed;
// the panic of seq as a *twisted.Failure error.
func (g *Generator) Next() (v any, err error) {
	if g.done {
		return nil, twisted.StopIteration.New()
	}
	if g.next == nil {
		g.next, g.stop = iter.Pull(g.seq)
		g.seq = nil
		runtime.AddCleanup(g, func(stop func()) { stop() }, g.stop)
	}
	defer func() {
		g.running = false
		if r := recover(); r != nil {
			g.done = true
			v, err = nil, twisted.FailureFromPanic(r)
		}
	}()
	g.running = true
	v, ok := g.next()
	g.running = false
	if !ok {
		g.done = true
		return nil, twisted.StopIteration.New()
	}
	if g.closing {
		g.Close()
	}
	return v, nil
}

// Close stops seq if it is suspended at a yield, as Python's
// generator.close(): the yield returns false, so seq returns and its
// deferred calls run. Next then returns StopIteration. Called from seq
// itself (seq stops its own task, say), Close takes effect when seq next
// yields.
func (g *Generator) Close() {
	if g.running {
		g.closing = true
		return
	}
	g.closing = false
	if !g.done && g.stop != nil {
		g.done = true
		g.stop()
	}
}
