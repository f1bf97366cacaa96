package deferred

import (
	"iter"

	"github.com/twistedflow/twistedflow/twisted"
)

// An Await waits, inside an InlineCallbacks function, for a Deferred's
// result: Python's
//
//	x = yield d
//
// ports to
//
//	x, err := await(d)
//
// It returns the Deferred's result, or its failure as the error (a
// *twisted.Failure). await(nil) returns (nil, nil) at once, as yielding
// None does. The awaited Deferred's own result becomes None.
//
// An Await may only be called by the function it was given to, while that
// function runs; called after the function returned, it panics.
type Await func(d *Deferred) (any, error)

// InlineCallbacks runs f as Twisted's @inlineCallbacks runs a generator,
// and returns a Deferred of its result: f reads like sequential code, but
// each await suspends it until the awaited Deferred has a result, without
// blocking the goroutine that runs the Deferreds. Python's
//
//	@inlineCallbacks
//	def thingummy():
//	    thing = yield makeSomeRequestResultingInDeferred()
//	    if thing == 'I love Twisted':
//	        return 'TWISTED IS GREAT!'
//	    raise Exception('DESTROY ALL LIFE')
//
//	d = thingummy()
//
// ports to
//
//	d := deferred.InlineCallbacks(func(await deferred.Await) (any, error) {
//		thing, err := await(makeSomeRequestResultingInDeferred())
//		if err != nil {
//			return nil, err // the exception propagates
//		}
//		if thing == "I love Twisted" {
//			return "TWISTED IS GREAT!", nil
//		}
//		return nil, twisted.Exception.New("DESTROY ALL LIFE")
//	})
//
// f starts at once, inside InlineCallbacks, and runs until its first await
// of a Deferred that has no result yet; an await of a Deferred that
// already has one goes straight on. When f returns, the Deferred fires:
// with f's result, or with its error (or panic) as a failure. A
// *twisted.Failure result fails it too, and a *Deferred result is a value
// like any other, as in Python (await it first to pass on its result).
//
// Cancelling the returned Deferred before f returns cancels the Deferred f
// awaits: the await returns that cancellation's outcome (a CancelledError
// failure, unless that Deferred's canceller fires it otherwise), f carries
// on from there, and the returned Deferred fires with what f returns, as in
// Twisted.
//
// f runs on a coroutine (iter.Pull): one goroutine for the whole call,
// parked while f waits and switched to, not scheduled, when f resumes, so
// that f runs as if on the caller's goroutine. A function that awaits a
// Deferred that never fires stays parked with its goroutine; cancel the
// returned Deferred to end it.
func InlineCallbacks(f func(await Await) (any, error)) *Deferred {
	return inlineCallbacks(f, true)
}

// inlineCallbacks is the one coroutine driver, shared by InlineCallbacks
// and DeferredGenerator: f runs on a coroutine whose awaits suspend it. The
// returned Deferred has InlineCallbacks' canceller if cancellable, and none
// (Twisted's plain Deferred()) otherwise.
func inlineCallbacks(f func(await Await) (any, error), cancellable bool) *Deferred {
	st := new(inlineStatus)
	st.gotResultFunc = st.gotResult
	seq := func(yield func(*Deferred) bool) {
		await := func(d *Deferred) (any, error) {
			if d == nil {
				return nil, nil
			}
			if !yield(d) {
				// The coroutine is stopped once f has returned: this
				// await escaped f, and has nothing to wait in.
				panic("deferred: Await called after its InlineCallbacks function returned")
			}
			r := st.sent
			st.sent = nil
			if f, ok := r.(*twisted.Failure); ok {
				return nil, f
			}
			return r, nil
		}
		st.result, st.err = st.body(f, await)
	}
	st.next, st.stop = iter.Pull(seq)
	if cancellable {
		st.deferred = NewWithCanceller(st.cancel)
	} else {
		st.deferred = New()
	}
	outer := st.deferred
	st.run(nil)
	return outer
}

// inlineStatus is Twisted's _CancellationStatus, with the coroutine.
type inlineStatus struct {
	// deferred is the Deferred to fire when the function returns; a
	// cancellation replaces it (see cancel).
	deferred *Deferred
	// waitingOn is the Deferred the function awaits.
	waitingOn *Deferred

	next func() (*Deferred, bool)
	stop func()
	// sent is the result the suspended await returns.
	sent any
	// result and err are what the function returned.
	result any
	err    error

	// waiting and waitResult are Twisted's waiting list (see gotResult);
	// gotResultFunc is gotResult as a func value, made once.
	waiting       bool
	waitResult    any
	gotResultFunc func(any) (any, error)
}

// body calls f, turning a panic into a failure, and a nil *Failure
// returned as the error into no error (see isNilFailure).
func (st *inlineStatus) body(f func(Await) (any, error), await Await) (res any, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, twisted.FailureFromPanic(v)
		}
	}()
	res, err = f(await)
	if isNilFailure(err) {
		err = nil
	}
	return res, err
}

// run is Twisted's _inlineCallbacks: resume the function with result, and
// go on as long as what it awaits already has a result; when it awaits a
// Deferred without one, arrange to be called again with its result.
func (st *inlineStatus) run(result any) {
	for {
		st.sent = result
		d, ok := st.next()
		if !ok {
			st.stop()
			if st.err != nil {
				st.deferred.Errback(st.err)
			} else {
				st.deferred.Callback(st.result)
			}
			return
		}
		st.waiting = true
		d.AddBoth(st.gotResultFunc)
		if st.waiting {
			// No result yet: gotResult will call run again with it.
			st.waiting = false
			st.waitingOn = d
			return
		}
		result = st.waitResult
		st.waitResult = nil
	}
}

// gotResult is the callback run adds to each awaited Deferred (Twisted's
// _gotResultInlineCallbacks). While run itself is adding it (waiting), a
// result that comes at once is left for run's loop to take, rather than
// taken by a recursive run. At most one awaited Deferred is without a
// result at a time, so one waiting flag serves them all.
func (st *inlineStatus) gotResult(r any) (any, error) {
	if st.waiting {
		st.waiting = false
		st.waitResult = r
	} else {
		st.run(r)
	}
	return nil, nil
}

// errInlineCancelled is Twisted's _InternalInlineCallbacksCancelledError.
var errInlineCancelled = twisted.NewClass("twisted.internet.defer._InternalInlineCallbacksCancelledError", twisted.Exception)

// cancel is the canceller of the InlineCallbacks Deferred (Twisted's
// _addCancelCallbackToDeferred): it puts a first errback on it, and
// errbacks it with an internal error that this errback traps. The errback
// (_handleCancelInlineCallbacks) makes a new Deferred for the function to
// fire when it returns, cancels the Deferred the function awaits, and
// returns the new Deferred, so that the cancelled one waits on it.
func (st *inlineStatus) cancel(it *Deferred) {
	it.prepend(errbackLink(nil, func(f *twisted.Failure) (any, error) {
		f.Trap(errInlineCancelled)
		st.deferred = NewWithCanceller(st.cancel)
		if st.waitingOn != nil {
			st.waitingOn.Cancel()
		}
		return st.deferred, nil
	}))
	it.Errback(errInlineCancelled.New())
}
