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

// FromSeq returns an Iterator that runs seq one step per Next, as a
// Python generator runs to its next yield: each value seq yields is the
// result of one Next, and the end of seq is StopIteration. A panic in seq
// is the task's failure, as an exception raised in a generator. seq does
// not start until the first Next.
//
// When the task ends before seq does (it is stopped, or its Cooperator
// is), the Cooperator stops seq: its yield returns false, so its deferred
// calls run, as Python closes a generator it drops. A seq that is never
// finished nor stopped is stopped once the Iterator is garbage.
func FromSeq(seq iter.Seq[any]) Iterator {
	return &generator{seq: seq}
}

// generator is FromSeq's Iterator: seq pulled step by step. Its name is
// Python's, so that the conformance traces print it as Python prints a
// generator.
type generator struct {
	seq  iter.Seq[any]
	next func() (any, bool)
	stop func()
	done bool
}

func (g *generator) Next() (v any, err error) {
	if g.done {
		return nil, twisted.StopIteration.New()
	}
	if g.next == nil {
		g.next, g.stop = iter.Pull(g.seq)
		g.seq = nil
		runtime.AddCleanup(g, func(stop func()) { stop() }, g.stop)
	}
	defer func() {
		if r := recover(); r != nil {
			g.done = true
			v, err = nil, twisted.FailureFromPanic(r)
		}
	}()
	v, ok := g.next()
	if !ok {
		g.done = true
		return nil, twisted.StopIteration.New()
	}
	return v, nil
}

// release stops seq if it is still suspended at a yield.
func (g *generator) release() {
	if !g.done && g.stop != nil {
		g.done = true
		g.stop()
	}
}
