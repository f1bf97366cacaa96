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
// The stages of package flow are Iterators; [FromSeq] makes one of a Go
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

// A Generator is an [Iterator] over a Go iterator function (see [FromSeq]),
// run step by step on a coroutine, as a Python generator.
//
// When a task ends before its Generator does (the task is stopped or
// fails, or its Cooperator is stopped), the Cooperator closes it. A
// Generator left suspended otherwise (a task paused for good, then
// dropped) is closed once it is garbage, as CPython closes a generator it
// drops, on its Cooperator's reactor (the default one, or the [WithClock]
// clock's goroutine, at its next Advance): never concurrently with it.
// A Generator run by a Cooperator with a scheduler of the user's own
// ([WithScheduler]), or by no Cooperator, is not closed so: its seq stays
// suspended, with its goroutine, until [Generator.Close] is called.
type Generator struct {
	seq  iter.Seq[any]
	next func() (any, bool)
	stop func()
	done bool
	// closeOn, set by the Cooperator that runs it, runs the close of
	// the Generator once abandoned on the Cooperator's reactor.
	closeOn func(func())
	cleanup runtime.Cleanup // stopped once seq has ended or been closed
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
		if g.closeOn != nil {
			// The cleanup runs on the runtime's goroutine: it only hands
			// the close (seq's deferred calls) to the reactor.
			g.cleanup = runtime.AddCleanup(g, closeAbandoned, abandoned{g.stop, g.closeOn})
		}
	}
	defer func() {
		g.running = false
		if r := recover(); r != nil {
			g.finish()
			v, err = nil, twisted.FailureFromPanic(r)
		}
	}()
	g.running = true
	v, ok := g.next()
	g.running = false
	if !ok {
		g.finish()
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
		g.finish()
		g.stop()
	}
}

// finish marks the Generator done: there is nothing left to close.
func (g *Generator) finish() {
	g.done = true
	g.cleanup.Stop()
}

// abandoned is what the cleanup of a Generator needs: its stop, and where
// to run it. It must not refer to the Generator.
type abandoned struct {
	stop    func()
	closeOn func(func())
}

func closeAbandoned(a abandoned) { a.closeOn(a.stop) }
