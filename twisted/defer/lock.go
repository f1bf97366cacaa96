package deferred

import (
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
)

// waitList is the queue of acquisitions waiting on a DeferredLock or a
// DeferredSemaphore (Twisted's _ConcurrencyPrimitive.waiting).
type waitList []*Deferred

// add makes a Deferred whose cancellation takes it off the list: Twisted's
// Deferred(canceller=self._cancelAcquire).
func (w *waitList) newWaiter() *Deferred {
	return NewWithCanceller(func(d *Deferred) {
		// The canceller only runs before d fires, and release pops d before
		// firing it, so d is still on the list.
		*w = slices.DeleteFunc(*w, func(x *Deferred) bool { return x == d })
	})
}

// popFirst removes and returns the first waiter.
func (w *waitList) popFirst() *Deferred {
	d := (*w)[0]
	(*w)[0] = nil
	*w = (*w)[1:]
	return d
}

// run is Twisted's _ConcurrencyPrimitive.run: acquire, call f (as
// MaybeDeferred does), release once f's result is there.
func run(acquire func() *Deferred, release func(), f func() (any, error)) *Deferred {
	return acquire().AddCallback(func(any) (any, error) {
		return MaybeDeferred(f).AddBoth(func(r any) (any, error) {
			release()
			return r, nil
		}), nil
	})
}

// A DeferredLock is a lock for event-driven code: Twisted's DeferredLock.
// Acquire returns a Deferred that fires, with the lock, once the lock is
// the caller's; Release hands it to the next waiter. The zero DeferredLock
// is unlocked and ready to use. Like a Deferred, it is for one goroutine at
// a time.
type DeferredLock struct {
	locked  bool
	waiting waitList
}

// NewDeferredLock returns an unlocked DeferredLock: DeferredLock().
func NewDeferredLock() *DeferredLock { return new(DeferredLock) }

// Locked reports whether the lock is held (Twisted's locked attribute),
// which allows a "non-blocking" acquisition.
func (l *DeferredLock) Locked() bool { return l.locked }

// Acquire returns a Deferred that fires with l when the lock is acquired:
// at once if it is free, otherwise once the holders before this caller
// have released it. Cancelling the Deferred before it fires takes the
// caller off the waiting list (and errbacks it with CancelledError);
// afterwards it does nothing.
func (l *DeferredLock) Acquire() *Deferred {
	d := l.waiting.newWaiter()
	if l.locked {
		l.waiting = append(l.waiting, d)
	} else {
		l.locked = true
		d.Callback(l)
	}
	return d
}

// Release releases the lock, and hands it to the first waiter if any.
// Releasing an unlocked lock panics with an AssertionError ("Tried to
// release an unlocked lock"), as Twisted's assert does.
func (l *DeferredLock) Release() {
	if !l.locked {
		panic(twisted.AssertionError.New("Tried to release an unlocked lock"))
	}
	l.locked = false
	if len(l.waiting) > 0 {
		l.locked = true
		l.waiting.popFirst().Callback(l)
	}
}

// Run acquires the lock, calls f, and releases the lock once f's result is
// there (if f returns a Deferred, once that fires). It returns a Deferred
// of f's result: run(f). Arguments to f port to a closure.
func (l *DeferredLock) Run(f func() (any, error)) *Deferred {
	return run(l.Acquire, l.Release, f)
}

// A DeferredSemaphore is a semaphore for event-driven code: Twisted's
// DeferredSemaphore. At most Limit callers hold it at once. Like a
// Deferred, it is for one goroutine at a time.
//
// Make one with NewDeferredSemaphore: the zero DeferredSemaphore has no
// tokens, so that nothing can acquire it.
type DeferredSemaphore struct {
	tokens, limit int
	waiting       waitList
}

// NewDeferredSemaphore returns a semaphore of tokens tokens:
// DeferredSemaphore(tokens). It panics with a ValueError
// ("DeferredSemaphore requires tokens >= 1") if tokens < 1, as Twisted
// raises.
func NewDeferredSemaphore(tokens int) *DeferredSemaphore {
	if tokens < 1 {
		panic(twisted.ValueError.New("DeferredSemaphore requires tokens >= 1"))
	}
	return &DeferredSemaphore{tokens: tokens, limit: tokens}
}

// Tokens returns the number of tokens free: Limit minus the number of
// current holders.
func (s *DeferredSemaphore) Tokens() int { return s.tokens }

// Limit returns the most holders the semaphore allows at once.
func (s *DeferredSemaphore) Limit() int { return s.limit }

// Acquire returns a Deferred that fires with s when a token is acquired:
// at once if one is free, otherwise when one is released to this caller.
// Cancelling it before it fires takes the caller off the waiting list.
func (s *DeferredSemaphore) Acquire() *Deferred {
	d := s.waiting.newWaiter()
	if s.tokens == 0 {
		s.waiting = append(s.waiting, d)
	} else {
		s.tokens--
		d.Callback(s)
	}
	return d
}

// Release releases a token, and hands it to the first waiter if any.
// Releasing more often than acquiring panics with an AssertionError, as
// Twisted's assert does.
func (s *DeferredSemaphore) Release() {
	if s.tokens >= s.limit {
		panic(twisted.AssertionError.New("Someone released me too many times: too many tokens!"))
	}
	s.tokens++
	if len(s.waiting) > 0 {
		s.tokens--
		s.waiting.popFirst().Callback(s)
	}
}

// Run acquires a token, calls f, and releases the token once f's result is
// there. It returns a Deferred of f's result: run(f).
func (s *DeferredSemaphore) Run(f func() (any, error)) *Deferred {
	return run(s.Acquire, s.Release, f)
}
