package deferred

import (
	"fmt"
	"sync"

	"github.com/twistedflow/twistedflow/twisted"
)

// A Deferred is a result that is not there yet, with the chain of callbacks
// that will process it: Twisted's twisted.internet.defer.Deferred.
//
// A function that cannot return its result at once returns a Deferred;
// its caller adds callbacks ([Deferred.AddCallback], [Deferred.AddErrback],
// [Deferred.AddBoth], [Deferred.AddCallbacks]) and the producer of the
// result fires the Deferred, once, with [Deferred.Callback] or
// [Deferred.Errback]. See the package documentation for what
// callbacks may return.
//
// The zero Deferred is ready to use: a Deferred with no canceller, as
// [New] returns (New also records where it was made, for [SetDebugging]'s
// reports; [NewWithCanceller] gives it a canceller). A Deferred must not
// be copied once used, and is not safe for concurrent use (see the
// package documentation).
//
// Deviation from Twisted: a callback that returns the very Deferred it is
// attached to makes Twisted 24 warn (DeprecationWarning) and then wait on
// itself forever; here the chain goes on with a DeprecationWarning failure
// instead, which is what Twisted does when warnings are errors and what it
// announces for the future. This includes the odd case where a Deferred's
// result has become the Deferred itself (through Deferreds waiting on each
// other) and a pair without the matching half passes it on: Twisted's
// passthru returns it, with the same warning.
type Deferred struct {
	// pairs()[head:tail] are the pairs not yet run, in order: in inline
	// at first, so that a Deferred with one or two callbacks costs one
	// allocation, and in spill once more are waiting. The slots outside
	// [head:tail] are zero (a pair's slot is cleared as it is taken out
	// to run), so that AddCallback need only write the callback. While
	// spill is nil no pointer says where the pairs are, so that adding
	// the first pair writes no pointer but its own (a write barrier each
	// while the collector runs) and the collector has one pointer less
	// to follow.
	spill      *spillBuf
	head, tail int32
	// result is the current result; meaningful once called. Before it
	// fires, a DeferredList's Deferred holds the list's *listState here,
	// and a Deferred made by NewWithCancellerOf its Canceller.
	result any
	// canceller is the function given to NewWithCanceller (cancelVia for
	// NewWithCancellerOf); cleared once the Deferred fires.
	canceller func(*Deferred)
	// chainedTo is the Deferred this one waits on, if any.
	chainedTo *Deferred
	// debug is allocated when the Deferred is created in debug mode or
	// when its chain stops on a failure; it reports unhandled failures
	// when the Deferred is collected.
	debug *debugInfo
	// paused counts the Pause calls not matched by Unpause (and the
	// Deferreds this one waits on).
	paused int32
	// called is set once Callback or Errback has been called.
	called bool
	// running is set while one of this Deferred's callbacks runs, so that
	// AddCallback from inside it does not run the chain recursively.
	running bool
	// flags holds the rarely used states (see flagSuppressAlreadyCalled
	// and the others), in one byte so that a Deferred stays 112 bytes.
	flags  uint8
	inline [2]link
}

// Bits of Deferred.flags.
const (
	// flagSuppressAlreadyCalled eats the one late Callback/Errback that
	// follows the cancellation of a Deferred without a canceller.
	flagSuppressAlreadyCalled uint8 = 1 << iota
	// flagList marks the Deferred of a DeferredList: Cancel cancels the
	// list's Deferreds if it has not fired, and does nothing else
	// (Twisted's DeferredList overrides cancel), and String says
	// DeferredList.
	flagList
	// flagDebugOn and flagDebugOff are Twisted's debug attribute set on the
	// instance (SetDebug); with neither, SetDebugging decides.
	flagDebugOn
	flagDebugOff
)

// A link is one (callback, errback) pair of the chain.
type link struct {
	// callback handles a success; nil passes the result on unchanged.
	callback func(any) (any, error)
	// rest is the rest of the pair, in the word pair an errback and a
	// marker would take as two fields (so that a Deferred stays 128
	// bytes):
	//   - nil: no errback; a failure passes on unchanged.
	//   - errback: the errback.
	//   - both{}: callback handles failures too (AddBoth).
	//   - *Deferred: the link Twisted calls _CONTINUE; the result is
	//     handed to that Deferred, which was waiting on this one.
	//   - gatherSlot, pairSlot: a DeferredList's (or GatherResults')
	//     handler of both outcomes for one of its Deferreds, which finds
	//     its list and index without a closure.
	rest any
}

// errback is the type of an errback in link.rest (a func type is
// pointer-shaped, so storing one in an interface allocates nothing).
type errback func(*twisted.Failure) (any, error)

// both is link.rest for a link added by AddBoth.
type both struct{}

// errbackLink returns the link of the pair (callback, eb): a nil eb leaves
// rest nil, not an interface holding a nil function.
func errbackLink(callback func(any) (any, error), eb func(*twisted.Failure) (any, error)) link {
	if eb == nil {
		return link{callback: callback}
	}
	return link{callback: callback, rest: errback(eb)}
}

// pairs returns the buffer that d's pairs are in: inline or spill.
func (d *Deferred) pairs() []link {
	if d.spill != nil {
		return d.spill.links
	}
	return d.inline[:]
}

// push appends l to the pairs not yet run.
func (d *Deferred) push(l link) {
	links := d.pairs()
	if int(d.tail) == len(links) {
		links = d.grow()
	}
	d.put(links, l)
}

// put writes l into links[d.tail], the first free slot of d's buffer
// links, and counts it. The slot is zero: only the words of l that are
// not are written, each pointer written costing a write barrier while the
// collector runs (a DeferredList's pair has no callback, most pairs no
// rest).
func (d *Deferred) put(links []link, l link) {
	p := &links[d.tail]
	if l.callback != nil {
		p.callback = l.callback
	}
	if l.rest != nil {
		p.rest = l.rest
	}
	d.tail++
}

// spillSize is the size of the arrays that pairs move to past the two
// inline ones. A Deferred with more than two callbacks often has many.
const spillSize = 16

// A spillBuf holds the pairs of a Deferred that has more than two
// waiting: in its own array, or past spillSize in a larger one.
type spillBuf struct {
	links []link
	array [spillSize]link
}

// spillBufs recycles the spill buffers of Deferreds that have run all
// their pairs: allocating one costs more than the rest of a Deferred with
// ten callbacks.
var spillBufs = sync.Pool{New: func() any {
	s := new(spillBuf)
	s.links = s.array[:]
	return s
}}

// grow makes room for at least one more pair, returning the buffer the
// pairs are now in: the start of the same one if pairs have run from it,
// else a spill buffer, then arrays twice as large.
func (d *Deferred) grow() []link {
	live := d.pairs()[d.head:d.tail]
	n := len(live)
	s := d.spill
	if s == nil {
		if d.head > 0 {
			copy(d.inline[:], live)
			clear(d.inline[n:])
			d.head, d.tail = 0, int32(n)
			return d.inline[:]
		}
		s = spillBufs.Get().(*spillBuf)
		copy(s.links, live)
		clear(live)
		d.spill, d.head, d.tail = s, 0, int32(n)
		return s.links
	}
	old := s.links
	if n < spillSize {
		s.links = s.array[:]
	} else {
		s.links = make([]link, 2*n)
	}
	copy(s.links, live)
	if &old[0] == &s.links[0] {
		clear(old[n:d.tail]) // moved within the array
	} else {
		clear(live)
	}
	d.head, d.tail = 0, int32(n)
	return s.links
}

// release gives d's spill buffer, which must hold no pairs, back to the
// pool, and leaves d's pairs inline and empty.
func (d *Deferred) release() {
	if s := d.spill; s != nil {
		s.links = s.array[:]
		spillBufs.Put(s)
		d.spill = nil
	}
	d.head, d.tail = 0, 0
}

// drained empties d once the last pair has been taken out to run: the
// inline pairs are used again, a spill buffer goes back to the pool.
func (d *Deferred) drained() {
	if d.spill == nil {
		d.head, d.tail = 0, 0
	} else {
		d.release()
	}
}

// prepend puts l before the pairs not yet run.
func (d *Deferred) prepend(l link) {
	d.push(link{})
	links := d.pairs()
	copy(links[d.head+1:d.tail], links[d.head:d.tail-1])
	links[d.head] = l
}

// pending reports whether pairs remain to run.
func (d *Deferred) pending() bool { return d.head < d.tail }

// New returns a Deferred with no canceller: Deferred().
func New() *Deferred {
	d := &Deferred{}
	if debugging.Load() {
		d.debugInfo().setCreator()
	}
	return d
}

// NewWithCanceller returns a Deferred whose [Deferred.Cancel] calls canceller(d):
// Deferred(canceller). The canceller stops the pending operation; it may
// fire d itself (with a result or a failure of its choosing). If it does
// not, Cancel errbacks d with [CancelledError].
func NewWithCanceller(canceller func(d *Deferred)) *Deferred {
	d := New()
	d.canceller = canceller
	return d
}

// AddCallbacks adds a pair of callbacks, one for success and one for
// failure, and returns d. A nil callback passes a success on unchanged, a
// nil errback a failure. If d has already fired (and is not paused), the
// pair runs before AddCallbacks returns.
//
// Only one of the pair runs, so a failure raised by callback is not seen by
// errback: it goes to the next pair.
func (d *Deferred) AddCallbacks(callback func(result any) (any, error), errback func(f *twisted.Failure) (any, error)) *Deferred {
	return d.add(errbackLink(callback, errback))
}

// AddCallback adds a callback for success, and returns d; a failure passes
// by it unchanged. See AddCallbacks.
func (d *Deferred) AddCallback(callback func(result any) (any, error)) *Deferred {
	if d.pushWaiting(link{callback: callback}) {
		return d
	}
	return d.add(link{callback: callback})
}

// AddErrback adds an errback for failure, and returns d; a success passes
// by it unchanged. See AddCallbacks.
func (d *Deferred) AddErrback(errback func(f *twisted.Failure) (any, error)) *Deferred {
	return d.add(errbackLink(nil, errback))
}

// AddBoth adds f as both the callback and the errback, and returns d: f
// receives the result, which is a *twisted.Failure on the failure path.
// See AddCallbacks.
func (d *Deferred) AddBoth(f func(result any) (any, error)) *Deferred {
	return d.add(link{callback: f, rest: both{}})
}

// pushWaiting is the common case of add, inlined where it is called: if
// d has not fired and its buffer has room for l, it appends l and reports
// true. Otherwise it does nothing and reports false.
func (d *Deferred) pushWaiting(l link) bool {
	links := d.pairs()
	if int(d.tail) == len(links) || d.called {
		return false
	}
	d.put(links, l)
	return true
}

func (d *Deferred) add(l link) *Deferred {
	d.push(l)
	if d.called {
		d.runCallbacks()
	}
	return d
}

// ChainDeferred makes other take part in d's chain: when the chain reaches
// this point, other fires with the current result (success or failure), and
// d goes on with None. It returns d. It is shorthand for
//
//	d.AddCallbacks(other.Callback, other.Errback)
//
// with the callbacks returning None. Firing other does not fire d.
//
// Unlike a Deferred returned from a callback, Deferreds chained this way
// many thousands deep do grow the stack, as in Twisted.
func (d *Deferred) ChainDeferred(other *Deferred) *Deferred {
	other.chainedTo = d
	return d.AddCallbacks(
		func(r any) (any, error) { other.Callback(r); return nil, nil },
		func(f *twisted.Failure) (any, error) { other.Errback(f); return nil, nil },
	)
}

// Callback fires d with a success result, running the callbacks added so
// far; callbacks added later run as they are added. If result is a
// *twisted.Failure, Callback is Errback(result). Any other value, even an
// error or a *Deferred, is passed to the first callback as it is (as in
// Twisted 24; Twisted 22.4 asserted that the result is not a Deferred).
//
// Firing a Deferred twice panics with an AlreadyCalledError *twisted.Error
// (as Python raises it), except for the one late Callback or Errback that
// follows the cancellation of a Deferred without a canceller: that one is
// swallowed, because the operation behind the Deferred is not aware it was
// cancelled.
func (d *Deferred) Callback(result any) {
	d.start(result)
}

// Errback fires d with a failure: err as it is if it is a
// *twisted.Failure, or wrapped in one. The errbacks receive it. See
// Callback for firing twice.
//
// Python's errback() with no argument wraps the current exception; Go has
// none, so Errback(nil) panics with a NoCurrentExceptionError
// *twisted.Error, as Python does when there is no current exception; so
// does a nil *twisted.Failure.
func (d *Deferred) Errback(err error) {
	if err == nil || isNilFailure(err) {
		panic(twisted.NoCurrentExceptionError.New())
	}
	d.start(twisted.NewFailure(err))
}

func (d *Deferred) start(result any) {
	if d.called {
		if d.flags&flagSuppressAlreadyCalled != 0 {
			d.flags &^= flagSuppressAlreadyCalled
			return
		}
		if d.debugOn() {
			panic(AlreadyCalledError.New("\n" + d.debugInfo().tracebacks()))
		}
		panic(AlreadyCalledError.New())
	}
	if d.debugOn() {
		d.debugInfo().setInvoker()
	}
	d.called = true
	// The canceller is never called once fired; drop it so that it does not
	// keep what it refers to alive.
	d.canceller = nil
	d.result = result
	d.runCallbacks()
}

// Pause stops the processing of the chain until Unpause is called as many
// times as Pause was. A paused Deferred still accepts its result and new
// callbacks; they wait.
func (d *Deferred) Pause() {
	d.paused++
}

// Unpause undoes one Pause, and runs the callbacks that waited if that was
// the last one. As in Twisted, Unpause on a Deferred that is not paused is
// not an error: it counts below zero, and the Deferred then stays paused
// until Pause brings the count back to zero.
func (d *Deferred) Unpause() {
	d.paused--
	if d.paused != 0 {
		return
	}
	if d.called {
		d.runCallbacks()
	}
}

// Paused returns the number of Pause calls not matched by Unpause, plus one
// while d waits on a Deferred returned by one of its callbacks (Twisted's
// paused attribute).
func (d *Deferred) Paused() int { return int(d.paused) }

// Cancel cancels d. If d has not fired, its canceller runs (see
// NewWithCanceller); if that does not fire d, or if there is no canceller,
// d errbacks with [CancelledError]. If d has fired but waits on a Deferred
// returned by a callback, that one is cancelled instead (and so on down).
// Otherwise Cancel does nothing.
//
// Deferreds that wait on one another in a cycle cannot be cancelled: Cancel
// panics with a RecursionError *twisted.Error and changes nothing, as
// Python raises RecursionError there.
func (d *Deferred) Cancel() {
	// Twisted recurses down the Deferreds that wait on one another; walk
	// them instead, and stop a cycle (where Python runs out of recursion)
	// with Floyd's tortoise.
	slow := d
	for step := 0; ; step++ {
		if d.flags&flagList != 0 {
			if st, ok := d.result.(*listState); ok && !d.called {
				st.cancel()
			}
			return
		}
		if !d.called {
			d.cancelUnfired()
			return
		}
		inner, ok := d.result.(*Deferred)
		if !ok {
			return
		}
		d = inner
		if step%2 == 1 {
			slow = slow.result.(*Deferred)
		}
		if d == slow {
			panic(twisted.RecursionError.New("maximum recursion depth exceeded"))
		}
	}
}

// cancelUnfired is Cancel for a Deferred that has not fired.
func (d *Deferred) cancelUnfired() {
	if d.canceller != nil {
		d.canceller(d)
	} else {
		// Eat the result that the operation will eventually deliver, since
		// it does not know it was cancelled.
		d.flags |= flagSuppressAlreadyCalled
	}
	if !d.called {
		d.Errback(CancelledError.New())
	}
}

// ChainedTo returns the Deferred that d waits on, if any: the one a
// callback of d returned, until it passes its result on, or, after
// other.ChainDeferred(d), other until its chain fires d (Twisted's
// _chainedTo, which its tests inspect). String shows it too.
func (d *Deferred) ChainedTo() *Deferred { return d.chainedTo }

// Called reports whether [Deferred.Callback] or [Deferred.Errback] has been called
// (Twisted's called attribute).
func (d *Deferred) Called() bool { return d.called }

// Result returns the current result: nil before d fires; then the result
// as the chain has made it so far, a *twisted.Failure on the failure path,
// the *Deferred that d waits on while it waits, and None (nil) once
// another Deferred that waited on d has taken its result.
func (d *Deferred) Result() any {
	if !d.called {
		return nil // not a DeferredList's state
	}
	return d.result
}

// String returns Twisted's repr of a Deferred: <Deferred at 0x...>, with
// " current result: repr" once fired or " waiting on Deferred at 0x..."
// while it waits on another. The Deferred of a [DeferredList] (and of
// [GatherResults]) says DeferredList, as the Python class's name. A result
// that holds d prints as Python prints it ([...] where a list comes round
// again); d itself reached again inside its own result prints "...".
func (d *Deferred) String() string { return twisted.Repr(d) }

// PyRepr writes what String returns; twisted.Repr calls it, with the
// guard against cycles that String's call of Repr shares.
func (d *Deferred) PyRepr() string {
	name := "Deferred"
	if d.flags&flagList != 0 {
		name = "DeferredList"
	}
	switch {
	case d.chainedTo != nil:
		return fmt.Sprintf("<%s at %p waiting on Deferred at %p>", name, d, d.chainedTo)
	case !d.called:
		return fmt.Sprintf("<%s at %p>", name, d)
	}
	return fmt.Sprintf("<%s at %p current result: %s>", name, d, twisted.Repr(d.result))
}
