// Package timers is the queue of delayed calls shared by reactor.Clock and
// reactor.Reactor, and the DelayedCall type they return. It is a leaf package
// so that package deferred (AddTimeout) can name DelayedCall and
// IReactorTime without importing package reactor, which itself returns
// Deferreds; package reactor re-exports both under their Twisted names.
package timers

import (
	"cmp"
	"container/heap"
	"slices"
	"sync"
)

// Queue is the queue of pending DelayedCalls that Clock and Reactor
// share: a heap ordered by due time, then by rank among the calls due at
// the same time. Its mutex, Mu, also guards the owner's own state.
//
// The ranks reproduce the order in which Twisted's Clock runs calls due
// at the same time. Clock keeps its calls in a list that it sorts
// (stably, by GetTime) after each CallLater and each call it runs; Reset
// and Delay change a call's time but not its place in the list until the
// next sort. So among calls due at the same time, the order is their
// order in the list at the previous sort:
//
//   - a new call goes after every call due at the same time;
//   - a call moved later (Reset or Delay) goes before the calls already due
//     at its new time, since it was due earlier than they were;
//   - a call moved sooner goes after them;
//   - calls moved between the same two sorts keep their previous order.
//
// moved only records the call as dirty; settle, run where Twisted sorts,
// gives the dirty calls their new keys. Ranks come from two counters: up
// for new calls and calls moved sooner (after everything so far), down
// for calls moved later (before everything so far).
//
// The heap holds each call's key inline, so that sifting compares values
// in the heap's own array instead of following pointers. A call that is
// cancelled or given a new key leaves a stale entry behind (lazy deletion,
// as Twisted's reactor does): an entry is current only while its rank is
// the call's rank and the call is pending. Stale entries are dropped when
// they reach the top, or all at once when they outnumber the current
// ones. Every operation is O(log n) amortized, plus O(k log k) in settle
// for the k calls moved since the last.
type Queue struct {
	Mu    sync.Mutex
	heap  callHeap
	stale int // entries in heap that are no longer current
	dirty []*DelayedCall
	up    int64
	down  int64

	// Now returns the owner's current time; called with Mu held.
	Now func() float64
	// Wake, if not nil, is called with Mu held when the earliest due
	// time may have changed, so a Reactor's loop can recompute its wait.
	Wake func()
}

// entry is a call's place in the heap: the key it had when queued.
type entry struct {
	at  float64
	seq int64
	d   *DelayedCall
}

// current reports whether e is still its call's place in the queue.
func (e entry) current() bool {
	return e.seq == e.d.seq && !e.d.cancelled && !e.d.called
}

// Schedule queues f to run delay seconds from now; Mu must be held.
// A NaN delay panics (CheckTime).
func (q *Queue) Schedule(delay float64, f func()) *DelayedCall {
	CheckTime(delay)
	q.Settle() // Twisted's Clock sorts after appending: settle what moved first
	q.up++
	t := q.Now() + delay
	d := &DelayedCall{q: q, f: f, time: t, at: t, seq: q.up}
	q.heap.push(entry{t, d.seq, d})
	if q.Wake != nil && q.heap[0].d == d {
		q.Wake()
	}
	return d
}

// cancelled records that a pending call was cancelled; Mu must be held.
func (q *Queue) cancelled() { q.staled() }

// staled counts one more stale entry, and drops them all when they are
// more than the current ones (Twisted's rule for its reactor's heap), so
// that calls cancelled or reset over and over do not grow the heap.
func (q *Queue) staled() {
	q.stale++
	if q.stale > 50 && q.stale > len(q.heap)/2 {
		q.heap = slices.DeleteFunc(q.heap, func(e entry) bool { return !e.current() })
		heap.Init(&q.heap)
		q.stale = 0
	}
}

// moved records that d's time changed; Mu must be held.
func (q *Queue) moved(d *DelayedCall) {
	if !d.dirty {
		d.dirty = true
		q.dirty = append(q.dirty, d)
	}
	if q.Wake != nil {
		q.Wake()
	}
}

// Settle gives the calls moved since the last settle their place in the
// heap (see the type's comment); Mu must be held.
func (q *Queue) Settle() {
	if len(q.dirty) == 0 {
		return
	}
	dirty := q.dirty
	// Their keys are still those of the last settle: their old order.
	slices.SortFunc(dirty, compareCalls)
	// Moved later: ahead of what is due then, the earliest first.
	for i := len(dirty) - 1; i >= 0; i-- {
		if d := dirty[i]; d.pending() && d.getTime() > d.at {
			q.down--
			q.requeue(d, q.down)
		}
	}
	// Moved sooner: after what is due then, the earliest first.
	for _, d := range dirty {
		if d.pending() && d.getTime() < d.at {
			q.up++
			q.requeue(d, q.up)
		}
	}
	for i, d := range dirty {
		d.dirty = false
		dirty[i] = nil
	}
	q.dirty = dirty[:0]
}

// requeue queues d again under a new key, leaving its old entry stale.
func (q *Queue) requeue(d *DelayedCall, seq int64) {
	d.at, d.seq = d.getTime(), seq
	q.heap.push(entry{d.at, seq, d})
	q.staled()
}

// next returns the earliest pending call's entry, dropping the stale
// entries above it; Mu must be held, and settle called before.
func (q *Queue) next() (entry, bool) {
	for len(q.heap) > 0 {
		if e := q.heap[0]; e.current() {
			return e, true
		}
		q.heap.pop()
		q.stale--
	}
	return entry{}, false
}

// Due pops the earliest call if it is due at now and its rank is at most
// last, marking it called, and returns its function; Mu must be held, and
// Settle called before.
func (q *Queue) Due(now float64, last int64) (f func(), ok bool) {
	e, ok := q.next()
	if !ok || e.at > now || e.seq > last {
		return nil, false
	}
	q.heap.pop()
	d := e.d
	d.called = true
	f, d.f = d.f, nil
	return f, true
}

// Pending returns the pending calls in the order they would run.
func (q *Queue) Pending() []*DelayedCall {
	calls := []*DelayedCall{}
	for _, e := range q.heap {
		if e.current() {
			calls = append(calls, e.d)
		}
	}
	slices.SortFunc(calls, compareCalls)
	return calls
}

func compareCalls(a, b *DelayedCall) int {
	if c := cmp.Compare(a.at, b.at); c != 0 {
		return c
	}
	return cmp.Compare(a.seq, b.seq)
}

// callHeap is the container/heap of queued entries. Its push and pop
// stand for heap.Push and heap.Pop, which would box each entry in an
// interface (an allocation per call).
type callHeap []entry

func (h callHeap) Len() int { return len(h) }

func (h callHeap) Less(i, j int) bool {
	return h[i].at < h[j].at || h[i].at == h[j].at && h[i].seq < h[j].seq
}

func (h callHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }

func (h *callHeap) Push(x any) { *h = append(*h, x.(entry)) }

func (h *callHeap) Pop() any {
	e := (*h)[len(*h)-1]
	h.truncate()
	return e
}

func (h *callHeap) push(e entry) {
	*h = append(*h, e)
	heap.Fix(h, len(*h)-1)
}

// pop removes the top entry.
func (h *callHeap) pop() {
	last := len(*h) - 1
	(*h)[0] = (*h)[last]
	h.truncate()
	if last > 0 {
		heap.Fix(h, 0)
	}
}

func (h *callHeap) truncate() {
	last := len(*h) - 1
	(*h)[last] = entry{}
	*h = (*h)[:last]
}

// NextTime returns the time the earliest pending call is due at, and
// false if none is pending; Mu must be held, and Settle called before.
func (q *Queue) NextTime() (float64, bool) {
	e, ok := q.next()
	return e.at, ok
}

// Up returns the rank of the call scheduled last: calls ranked after it
// were scheduled later. Mu must be held.
func (q *Queue) Up() int64 { return q.up }

// Len returns the number of entries in the heap, stale ones included;
// Mu must be held.
func (q *Queue) Len() int { return len(q.heap) }
