package deferred

import "github.com/twistedflow/twistedflow/twisted"

// runCallbacks runs the chain of callbacks once a result is there: a loop
// over the pairs, each getting the current result and replacing it with
// what it returns. It is Twisted's _runCallbacks.
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
	if d.running || d.paused != 0 {
		return
	}
	// The first round of the loop below, without the stack: most chains
	// wait on no other Deferred.
	d.chainedTo = nil
	first := d.runPairs()
	if first == nil {
		d.noteResult()
		return
	}
	var chain chainStack
	chain.push(d)
	chain.push(first)

	for {
		current := chain.top()
		if current == nil {
			return
		}
		if current.paused != 0 {
			// This Deferred will not produce a result now; all the
			// Deferreds up the chain waiting on it wait too.
			return
		}
		current.chainedTo = nil
		if chainee := current.runPairs(); chainee != nil {
			// current handed its result to a Deferred that waited on it:
			// go on with that one, and come back to current later.
			chain.push(chainee)
			continue
		}
		current.noteResult()
		chain.pop()
	}
}

// chainStack is runCallbacks' stack of the Deferreds whose result is
// being propagated. A chain of a million Deferreds waiting on one another
// puts a million on it, so past its first few entries it grows by blocks
// that are never copied: growing one slice would allocate several times
// its final size (append grows large slices by a quarter), all of it
// memory that the collector clears and scans.
type chainStack struct {
	first  [8]*Deferred
	nfirst int
	// more holds the blocks past first, the last one the top, each full
	// but the last.
	more [][]*Deferred
}

// chainBlockMax is the largest block of a chainStack, in entries.
const chainBlockMax = 4096

func (s *chainStack) push(d *Deferred) {
	if len(s.more) == 0 {
		if s.nfirst < len(s.first) {
			s.first[s.nfirst] = d
			s.nfirst++
			return
		}
		s.more = append(make([][]*Deferred, 0, 8), make([]*Deferred, 0, 2*len(s.first)))
	}
	top := &s.more[len(s.more)-1]
	if len(*top) == cap(*top) {
		s.more = append(s.more, make([]*Deferred, 0, min(2*cap(*top), chainBlockMax)))
		top = &s.more[len(s.more)-1]
	}
	*top = append(*top, d)
}

// top returns the top of the stack, nil if it is empty.
func (s *chainStack) top() *Deferred {
	if n := len(s.more); n > 0 {
		top := s.more[n-1]
		return top[len(top)-1]
	}
	if s.nfirst == 0 {
		return nil
	}
	return s.first[s.nfirst-1]
}

// pop removes the top of the stack, which must not be empty. A block left
// empty is dropped, so that the top is always the last entry of a block.
func (s *chainStack) pop() {
	if n := len(s.more); n > 0 {
		top := s.more[n-1]
		top[len(top)-1] = nil
		if len(top) == 1 {
			s.more[n-1] = nil
			s.more = s.more[:n-1]
		} else {
			s.more[n-1] = top[:len(top)-1]
		}
		return
	}
	s.nfirst--
	s.first[s.nfirst] = nil
}

// noteResult is called once as much of d's chain as can run now has run:
// it remembers a failure for unhandled-error reporting, or forgets it.
func (d *Deferred) noteResult() {
	if f, ok := d.result.(*twisted.Failure); ok {
		d.debugInfo().setFailure(f)
	} else if d.debug != nil {
		d.debug.clearFailure()
	}
}

// runPairs runs d's pairs until none is left, d waits on another
// Deferred, or d reaches the link of a Deferred waiting on it: then it
// hands its result over and returns that Deferred.
func (d *Deferred) runPairs() (chainee *Deferred) {
	for {
		if chainee, done := d.runPairsUntilPanic(); done {
			return chainee
		}
	}
}

// runPairsUntilPanic is the loop of runPairs. A callback that panics ends
// it, with the panic as d's result and done false, so that runPairs goes on:
// this way one deferred recover serves the whole chain instead of one per
// callback.
func (d *Deferred) runPairsUntilPanic() (chainee *Deferred, done bool) {
	defer func() {
		if d.running {
			d.running = false
			if v := recover(); v != nil {
				d.result = twisted.FailureFromPanic(v)
			}
		}
	}()
	for d.head < d.tail {
		// Take the first pair out, clearing its slot (written here rather
		// than in a method, which would not inline).
		p := &d.pairs()[d.head]
		item := *p
		switch {
		case item.rest == nil:
			p.callback = nil // spare rest's write barriers
		case item.callback == nil:
			p.rest = nil // a waiting Deferred's or a list's pair
		default:
			*p = link{}
		}
		d.head++
		if d.head == d.tail {
			d.drained()
		}
		var res any
		var err error
		if item.callback == nil {
			// A waiting Deferred's link, a list's pair or an errback.
			var st *listState // a list's pair: its list,
			var slot *any     // the slot it recorded the result in,
			var more bool     // and whether the list must go on to fire
			// Assertions rather than a type switch, which would look
			// the type up: a chain of waiting Deferreds goes by the first.
			if waiting, ok := item.rest.(*Deferred); ok {
				// Give the waiting Deferred our result and forget it.
				waiting.result = d.result
				d.result = nil
				if d.debug != nil {
					d.debug.clearFailure()
				}
				waiting.paused--
				return waiting, true
			} else if gather, ok := item.rest.(gatherSlot); ok {
				slot = gather
				st, more = gatherRecorded(gather, d.result)
			} else if pair, ok := item.rest.(pairSlot); ok {
				slot = &pair[0]
				st, more = pairRecorded(pair, d.result)
			} else {
				d.running = true
				res, err = item.call(d.result)
				d.running = false
			}
			if st != nil {
				// The list's pair passes the result on unchanged, or as
				// None for a failure the list consumes: most often there
				// is nothing more to do.
				if more {
					// The list's callbacks may take d's result (one that
					// returns d): the pair passes on the result it got.
					result := d.result
					d.running = true
					consumed := st.fire(slot, result)
					d.running = false
					if consumed {
						d.result = nil
						continue
					}
					d.result = result
				}
				if _, isDeferred := d.result.(*Deferred); !isDeferred {
					continue
				}
				res = d.result // a Deferred as result: as a callback's
			}
		} else if _, failed := d.result.(*twisted.Failure); !failed {
			// The common case, without the detour through call.
			d.running = true
			res, err = item.callback(d.result)
			d.running = false
			if err == nil {
				if rf, ok := res.(*twisted.Failure); ok {
					res, err = nil, rf
					if rf == nil {
						err = nil
					}
				}
			}
		} else {
			d.running = true
			res, err = item.call(d.result)
			d.running = false
		}
		if err != nil && !isNilFailure(err) {
			d.result = twisted.NewFailure(err)
			continue
		}
		inner, isDeferred := res.(*Deferred)
		if !isDeferred || inner == nil {
			if isDeferred {
				res = nil // a nil *Deferred is None
			}
			d.result = res
			continue
		}
		if inner == d {
			d.result = twisted.NewFailure(twisted.DeprecationWarning.New(circularMessage))
			continue
		}
		d.result = inner
		if _, waiting := inner.result.(*Deferred); !inner.called || waiting || inner.paused != 0 {
			// It has no result yet: pause and wait on it. inner is not
			// running its callbacks (it has no result to run them with),
			// so append to them directly.
			d.Pause()
			d.chainedTo = inner
			inner.push(link{rest: d})
			return nil, true
		}
		// It has a result: take it and go on.
		d.result = inner.result
		inner.result = nil
		if inner.debug != nil {
			inner.debug.clearFailure()
		}
	}
	return nil, true
}

// isNilFailure reports whether err is a nil *twisted.Failure: what a
// function returns as its error from a *twisted.Failure variable that
// holds none. It is no error, as a nil *Failure result is None.
func isNilFailure(err error) bool {
	f, ok := err.(*twisted.Failure)
	return ok && f == nil
}

// call runs the half of the pair that fits result. An absent half passes
// result on (Twisted's passthru and _failthru). It returns the new result,
// or the error that replaces it: a returned *twisted.Failure counts as an
// error.
func (l *link) call(result any) (any, error) {
	f, failed := result.(*twisted.Failure)
	var res any
	var err error
	switch rest := l.rest.(type) {
	case both:
		res, err = l.callback(result)
	case errback:
		if failed {
			res, err = rest(f)
		} else if l.callback == nil {
			return result, nil
		} else {
			res, err = l.callback(result)
		}
	default:
		if failed || l.callback == nil {
			return result, nil
		}
		res, err = l.callback(result)
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
