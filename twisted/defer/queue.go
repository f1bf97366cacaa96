package deferred

import (
	"fmt"

	"github.com/twistedflow/twistedflow/twisted"
)

// NoLimit, as a DeferredQueue's size or backlog, means no limit (Python's
// None).
const NoLimit = -1

// A DeferredQueue is an event-driven queue: Twisted's DeferredQueue. Put
// adds an object; Get returns a Deferred that fires with the next object,
// at once if there is one, otherwise when one is put. Like a Deferred, it
// is for one goroutine at a time.
//
// The zero DeferredQueue has Size and Backlog 0, as DeferredQueue(0, 0):
// it holds no object and no get may wait. NewDeferredQueue(NoLimit,
// NoLimit) is Python's DeferredQueue().
type DeferredQueue struct {
	// Size is the most objects the queue holds; NoLimit for no limit.
	Size int
	// Backlog is the most gets that may wait at once; NoLimit for no
	// limit.
	Backlog int

	waiting waitList
	pending []any
}

// NewDeferredQueue returns an empty queue: DeferredQueue(size, backlog).
// Pass NoLimit for Python's None (the default of both). Any other negative
// limit panics with a ValueError: Python takes one and then refuses every
// put (or get), where Put and Get would read it as no limit.
func NewDeferredQueue(size, backlog int) *DeferredQueue {
	for _, limit := range []struct {
		name string
		n    int
	}{{"size", size}, {"backlog", backlog}} {
		if limit.n < NoLimit {
			panic(twisted.ValueError.New(fmt.Sprintf("DeferredQueue %s must be None (NoLimit) or >= 0, not %d", limit.name, limit.n)))
		}
	}
	return &DeferredQueue{Size: size, Backlog: backlog}
}

// Put adds obj to the queue, handing it at once to the first waiting get
// if there is one. It returns a QueueOverflow *twisted.Error, and adds
// nothing, if the queue already holds Size objects.
func (q *DeferredQueue) Put(obj any) error {
	switch {
	case len(q.waiting) > 0:
		q.waiting.popFirst().Callback(obj)
	case q.Size < 0 || len(q.pending) < q.Size:
		q.pending = append(q.pending, obj)
	default:
		return QueueOverflow.New()
	}
	return nil
}

// Get removes the next object from the queue and returns a Deferred that
// fires with it: at once if the queue holds one, otherwise when one is
// put. Cancelling a waiting get takes it off the list. It returns a
// QueueUnderflow *twisted.Error, and no Deferred, if Backlog gets already
// wait.
func (q *DeferredQueue) Get() (*Deferred, error) {
	switch {
	case len(q.pending) > 0:
		obj := q.pending[0]
		q.pending[0] = nil
		q.pending = q.pending[1:]
		return Succeed(obj), nil
	case q.Backlog < 0 || len(q.waiting) < q.Backlog:
		d := q.waiting.newWaiter()
		q.waiting = append(q.waiting, d)
		return d, nil
	}
	return nil, QueueUnderflow.New()
}

// Pending returns the number of objects in the queue.
func (q *DeferredQueue) Pending() int { return len(q.pending) }

// Waiting returns the number of gets waiting for an object.
func (q *DeferredQueue) Waiting() int { return len(q.waiting) }
