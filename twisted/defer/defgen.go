package deferred

import "github.com/twistedflow/twistedflow/twisted"

// A Waiter is what WaitForDeferred returns: yield it from a DeferredGenerator
// generator, then call its GetResult (Twisted's waitForDeferred instance).
type Waiter struct {
	d *Deferred
	// result is the Deferred's result (a *twisted.Failure if it failed),
	// set when the generator is resumed; fired says that it is.
	result any
	fired  bool
}

// WaitForDeferred is Twisted's waitForDeferred(d): it returns a Waiter for
// the generator of a DeferredGenerator to yield at once; when the generator
// is resumed, the Waiter's GetResult gives d's result, or its failure as
// the error. See DeferredGenerator.
//
// A nil d panics with TypeError, as Python's waitForDeferred raises it for
// anything that is not a Deferred. Twisted 22.4 also warns that
// waitForDeferred is deprecated; Go has no warnings, and InlineCallbacks is
// indeed the better form for new code.
func WaitForDeferred(d *Deferred) *Waiter {
	if d == nil {
		panic(notADeferred(nil))
	}
	return &Waiter{d: d}
}

func notADeferred(x any) *twisted.Error {
	return twisted.TypeError.New("You must give waitForDeferred a Deferred. You gave it " + twisted.Repr(x) + ".")
}

// D returns the Deferred w waits for (Twisted's d attribute).
func (w *Waiter) D() *Deferred { return w.d }

// GetResult returns the result of the Deferred w waits for, or its failure
// as the error (the *twisted.Failure, as Python's getResult raises it).
// Calling it is mandatory: a failure that no one gets is not reported.
//
// Called before the generator has been resumed after yielding w, it
// returns an AttributeError, as the 2009 Twisted raises it (the Waiter has
// no result yet).
func (w *Waiter) GetResult() (any, error) {
	if !w.fired {
		return nil, twisted.AttributeError.New("waitForDeferred instance has no attribute 'result'")
	}
	if f, ok := w.result.(*twisted.Failure); ok {
		return nil, f
	}
	return w.result, nil
}

// errYieldedDeferred is the failure of a DeferredGenerator whose generator
// yields a Deferred instead of a Waiter for it.
const errYieldedDeferred = "Yield waitForDeferred(d), not d!"

// DeferredGenerator runs g as Twisted's deferredGenerator runs a
// waitForDeferred-using generator, and returns a Deferred of its result:
// like InlineCallbacks, it lets Deferred-using code read as a sequential
// function, in the older style of Twisted code of the flow era. Python's
//
//	@deferredGenerator
//	def thingummy():
//	    thing = waitForDeferred(makeSomeRequestResultingInDeferred())
//	    yield thing
//	    thing = thing.getResult()
//	    if thing == 'I love Twisted':
//	        # will become the result of the Deferred
//	        yield 'TWISTED IS GREAT!'
//	        return
//	    else:
//	        # will trigger an errback
//	        raise Exception('DESTROY ALL LIFE')
//
//	d = thingummy()
//
// ports to
//
//	d := deferred.DeferredGenerator(func(yield func(any) bool) error {
//		thing := deferred.WaitForDeferred(makeSomeRequestResultingInDeferred())
//		yield(thing)
//		v, err := thing.GetResult()
//		if err != nil {
//			return err
//		}
//		if v == "I love Twisted" {
//			yield("TWISTED IS GREAT!") // will become the result of the Deferred
//			return nil
//		}
//		return twisted.Exception.New("DESTROY ALL LIFE") // will trigger an errback
//	})
//
// g starts at once, inside DeferredGenerator. When it yields a Waiter, it
// is suspended until the Waiter's Deferred has a result (at once if it
// already has one), then resumed; that Deferred's own result becomes None.
// When g returns, the Deferred fires with the last value g yielded, or
// None if that was a Waiter or g yielded nothing; with g's error (or
// panic) as a failure if g fails. A *twisted.Failure yielded last fails it
// too.
//
// Yielding a *Deferred itself is an error: the Deferred fails with
// TypeError("Yield waitForDeferred(d), not d!") and yield returns false:
// g must return. (Twisted returns a new failed Deferred when that happens
// before g's first wait, and loses the failure, leaving the Deferred
// unfired forever, after it; Go fails the one Deferred in both cases.)
//
// The Deferred has no canceller, as in Twisted: cancelling it fails it
// with CancelledError at once, and g goes on; its eventual result, or
// failure, is dropped without a log (Twisted 22.4 suppresses the one late
// callback or errback of a Deferred cancelled without a canceller).
//
// g runs on the coroutine engine of InlineCallbacks: one goroutine for the
// whole call, parked while g waits. A g that waits for a Deferred that
// never fires stays parked with its goroutine.
func DeferredGenerator(g func(yield func(any) bool) error) *Deferred {
	return inlineCallbacks(func(await Await) (any, error) {
		var (
			result any
			failed error // a TypeError of a bad yield, which ends g
			done   bool
		)
		yield := func(v any) bool {
			if done {
				panic("deferred: yield called after its DeferredGenerator generator returned")
			}
			if failed != nil {
				return false
			}
			switch v := v.(type) {
			case *Deferred:
				failed = twisted.TypeError.New(errYieldedDeferred)
				return false
			case *Waiter:
				if v.d == nil { // a Waiter not made by WaitForDeferred
					failed = notADeferred(nil)
					return false
				}
				r, err := await(v.d)
				if err != nil {
					r = err
				}
				v.result, v.fired = r, true
				result = nil
			default:
				result = v
			}
			return true
		}
		err := func() error {
			defer func() { done = true }()
			return g(yield)
		}()
		if failed != nil {
			return nil, failed
		}
		if err != nil {
			return nil, err
		}
		return result, nil
	}, false)
}
