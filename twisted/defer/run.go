package deferred

import "github.com/twistedflow/twistedflow/twisted"

// runCallbacks runs the chain of callbacks once a result is there: a loop
// over the pairs, each getting the current result and replacing it with
// what it returns. It is Twisted's _runCallbacks, line for line.
//
// It does nothing while one of d's callbacks is already running (the loop
// above on the stack will pick up what was added) or while d is paused.
// It stops early at a callback that returns a Deferred without a result,
// and takes the result at once from one that has it.
//
// Chaining (a Deferred waiting on another returned by its callback) is
// handled iteratively rather than recursively: chain is a stack of the
// Deferreds whose result is being propagated, so that a chain of any length
// runs in constant Go stack.
func (d *Deferred) runCallbacks() {
	if d.running {
		return
	}
	var stack [8]*Deferred
	chain := append(stack[:0], d)

	for len(chain) > 0 {
		current := chain[len(chain)-1]
		if current.paused != 0 {
			// This Deferred will not produce a result now; all the
			// Deferreds up the chain waiting on it wait too.
			return
		}

		finished := true
		current.chainedTo = nil
		for len(current.callbacks) > 0 {
			item := current.callbacks[0]
			current.callbacks[0] = link{}
			current.callbacks = current.callbacks[1:]

			if item.chainee != nil {
				// Give the waiting Deferred our result and forget it, then
				// go on with that Deferred; come back to this one later.
				chainee := item.chainee
				chainee.result = current.result
				current.result = nil
				if current.debug != nil {
					current.debug.clearFailure()
				}
				chainee.paused--
				chain = append(chain, chainee)
				finished = false
				break
			}

			current.running = true
			res, err := item.call(current.result)
			current.running = false
			if err != nil {
				current.result = twisted.NewFailure(err)
				continue
			}
			inner, isDeferred := res.(*Deferred)
			if !isDeferred {
				current.result = res
				continue
			}
			if inner == current {
				current.result = twisted.NewFailure(DeprecationWarning.New(circularMessage))
				continue
			}
			current.result = inner
			if _, waiting := inner.result.(*Deferred); !inner.called || waiting || inner.paused != 0 {
				// It has no result yet: pause and wait on it. inner is not
				// running its callbacks (it has no result to run them
				// with), so append to them directly.
				current.Pause()
				current.chainedTo = inner
				inner.callbacks = append(inner.callbacks, link{chainee: current})
				break
			}
			// It has a result: take it and go on.
			current.result = inner.result
			inner.result = nil
			if inner.debug != nil {
				inner.debug.clearFailure()
			}
		}

		if finished {
			// As much of the chain as can run now has run. Remember a
			// failure for unhandled-error reporting, or forget it.
			if f, ok := current.result.(*twisted.Failure); ok {
				current.debugInfo().setFailure(f)
			} else if current.debug != nil {
				current.debug.clearFailure()
			}
			chain = chain[:len(chain)-1]
		}
	}
}

// call runs the half of the pair that fits result, turning a panic into a
// Failure. An absent half passes result on (Twisted's passthru and
// _failthru). It returns the new result, or the error that replaces it.
func (l *link) call(result any) (res any, err error) {
	f, failed := result.(*twisted.Failure)
	switch {
	case !failed && l.callback == nil, failed && !l.both && l.errback == nil:
		return result, nil
	}
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, twisted.FailureFromPanic(v)
		}
	}()
	switch {
	case !failed || l.both:
		res, err = l.callback(result)
	default:
		res, err = l.errback(f)
	}
	if err == nil {
		if rf, ok := res.(*twisted.Failure); ok {
			if rf == nil {
				return nil, nil // a nil *Failure is None, not a failure
			}
			return nil, rf
		}
	}
	return res, err
}
