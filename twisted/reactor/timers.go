package reactor

import (
	"cmp"
	"container/heap"
	"slices"
	"sync"
)

// timers is the queue of pending DelayedCalls that Clock and Reactor
// share: a heap ordered by due time, then by rank among the calls due at
// the same time. Its mutex also guards the owner's own state.
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
// for calls moved later (before everything so far). Every operation is
// O(log n), plus O(k log k) in settle for the k calls moved since the last.
type timers struct {
	mu    sync.Mutex
	heap  callHeap
	dirty []*DelayedCall
	up    int64
	down  int64

	// now returns the owner's current time; called with mu held.
	now func() float64
	// wake, if not nil, is called with mu held when the earliest due
	// time may have changed, so a Reactor's loop can recompute its wait.
	wake func()
}

// schedule queues f to run delay seconds from now; mu must be held.
func (q *timers) schedule(delay float64, f func()) *DelayedCall {
	q.settle() // Twisted's Clock sorts after appending: settle what moved first
	q.up++
	t := q.now() + delay
	d := &DelayedCall{q: q, f: f, time: t, at: t, seq: q.up}
	heap.Push(&q.heap, d)
	if q.wake != nil && d.index == 0 {
		q.wake()
	}
	return d
}

// remove takes a cancelled call out of the heap; mu must be held.
func (q *timers) remove(d *DelayedCall) {
	if d.index >= 0 {
		heap.Remove(&q.heap, d.index)
	}
}

// moved records that d's time changed; mu must be held.
func (q *timers) moved(d *DelayedCall) {
	if !d.dirty {
		d.dirty = true
		q.dirty = append(q.dirty, d)
	}
	if q.wake != nil {
		q.wake()
	}
}

// settle gives the calls moved since the last settle their place in the
// heap (see the type's comment); mu must be held.
func (q *timers) settle() {
	if len(q.dirty) == 0 {
		return
	}
	dirty := q.dirty
	// Their keys are still those of the last settle: their old order.
	slices.SortFunc(dirty, compareCalls)
	// Moved later: ahead of what is due then, the earliest first.
	for i := len(dirty) - 1; i >= 0; i-- {
		if d := dirty[i]; d.index >= 0 && d.getTime() > d.at {
			q.down--
			q.rekey(d, q.down)
		}
	}
	// Moved sooner: after what is due then, the earliest first.
	for _, d := range dirty {
		if d.index >= 0 && d.getTime() < d.at {
			q.up++
			q.rekey(d, q.up)
		}
	}
	for i, d := range dirty {
		d.dirty = false
		dirty[i] = nil
	}
	q.dirty = dirty[:0]
}

func (q *timers) rekey(d *DelayedCall, seq int64) {
	d.at, d.seq = d.getTime(), seq
	heap.Fix(&q.heap, d.index)
}

// due pops the earliest call if it is due at now, marking it called, and
// returns its function; mu must be held, and settle called before.
func (q *timers) due(now float64) (f func(), ok bool) {
	if len(q.heap) == 0 || q.heap[0].at > now {
		return nil, false
	}
	d := heap.Pop(&q.heap).(*DelayedCall)
	d.called = true
	f, d.f = d.f, nil
	return f, true
}

// pending returns the pending calls in the order they would run.
func (q *timers) pending() []*DelayedCall {
	calls := slices.Clone([]*DelayedCall(q.heap))
	slices.SortFunc(calls, compareCalls)
	if calls == nil {
		calls = []*DelayedCall{}
	}
	return calls
}

func compareCalls(a, b *DelayedCall) int {
	if c := cmp.Compare(a.at, b.at); c != 0 {
		return c
	}
	return cmp.Compare(a.seq, b.seq)
}

// callHeap is the container/heap of pending calls, each knowing its index.
type callHeap []*DelayedCall

func (h callHeap) Len() int { return len(h) }

func (h callHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	return a.at < b.at || a.at == b.at && a.seq < b.seq
}

func (h callHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}

func (h *callHeap) Push(x any) {
	d := x.(*DelayedCall)
	d.index = len(*h)
	*h = append(*h, d)
}

func (h *callHeap) Pop() any {
	old := *h
	n := len(old) - 1
	d := old[n]
	old[n] = nil
	d.index = -1
	*h = old[:n]
	return d
}
