package flow

import (
	"iter"

	"github.com/twistedflow/twistedflow/twisted"
)

// A TypedStage is a stage whose values are of type T: a typed source
// ([Values]) and the typed [Map] and [Filter] over it ([MapOf],
// [FilterOf]). Ranged over with its own All, a chain of them runs as Go's
// push iterators do, each value passed up by a call with its own type: no
// value is boxed in an interface, and no flow protocol runs (a typed source
// yields no instructions: it cannot cooperate, nor wait).
//
// It is also a [Stage], the same chain made of this package's stages: a
// generator over the source, Map and Filter stages with the typed
// functions, so that wherever it is used as a Stage ([Wrap], [Block], [Zip],
// [Deferred], a generator's yield) it behaves exactly as Map and
// Filter do, with the values boxed. A chain runs once, one way: a source
// that has been run (or started) as a Stage makes All run the Stage too;
// a source that All has run fails the Stage with RuntimeError.
type TypedStage[T any] struct {
	Stage
	run   func(yield func(T) bool) error
	claim *typedClaim
}

// typedClaim is the state of a typed chain: how its source has been run,
// and, while All runs it, whether one of its functions is running (a
// panic then is the function's failure, and the source sees its yield
// return false, as a Map's or Filter's failure makes it) and that
// failure.
type typedClaim struct {
	typed, untyped bool
	inFunc         bool
	// inChain is set while the source's value goes up the chain: a panic
	// escaping the source then comes from the loop body, and goes on.
	inChain bool
	failed  error
}

// Values is a typed source: the values of seq, as Wrap(seq) gives them.
func Values[T any](seq iter.Seq[T]) *TypedStage[T] {
	claim := &typedClaim{}
	s := &TypedStage[T]{claim: claim}
	s.run = func(yield func(T) bool) (err error) {
		stopped := false // as a generator's yield: false for good, once false
		defer func() {
			// A panic out of seq once it was stopped (its deferred
			// call, on its way out) is a failure in closing the
			// source: logged, as Block logs it after the flow's
			// failure or once the loop has left.
			if stopped && !claim.inChain {
				if p := recover(); p != nil {
					logUnhandled(nil, twisted.FailureFromPanic(p))
					err = claim.failed
				}
			}
		}()
		seq(func(v T) (ok bool) {
			// One recover per value serves every function of the chain.
			defer func() {
				if claim.inFunc {
					claim.inFunc = false
					claim.failed = twisted.FailureFromPanic(recover())
					stopped, ok = true, false
				}
			}()
			if stopped {
				return false
			}
			claim.inChain = true
			ok = yield(v)
			claim.inChain = false
			stopped = !ok
			return ok
		})
		return claim.failed
	}
	s.Stage = Wrap(Generator(func(yield func(any) bool) error {
		if claim.typed {
			return twisted.RuntimeError.New("flow.Values: the source has been run by All")
		}
		claim.untyped = true
		for v := range seq {
			if !yield(v) {
				return nil
			}
		}
		return nil
	}))
	return s
}

// MapOf is [Map] of one typed source: f's result for each value, and f's
// error as the flow's failure (a panic in f too). As a [Stage] it is
// Map(f, src), f called with the value, unboxed.
func MapOf[T, U any](f func(T) (U, error), src *TypedStage[T]) *TypedStage[U] {
	claim := src.claim
	s := &TypedStage[U]{claim: claim}
	s.run = func(yield func(U) bool) error {
		return src.run(func(v T) bool {
			claim.inFunc = true
			u, err := f(v)
			claim.inFunc = false
			if err != nil {
				claim.failed = err
				return false
			}
			return yield(u)
		})
	}
	s.Stage = Map(func(args ...any) (any, error) { return f(args[0].(T)) }, src.Stage)
	return s
}

// FilterOf is [Filter] of a typed source: the values for which f returns
// true, and f's error as the flow's failure (a panic in f too). As a
// [Stage] it is Filter(f, src), f called with the value, unboxed.
func FilterOf[T any](f func(T) (bool, error), src *TypedStage[T]) *TypedStage[T] {
	claim := src.claim
	s := &TypedStage[T]{claim: claim}
	s.run = func(yield func(T) bool) error {
		return src.run(func(v T) bool {
			claim.inFunc = true
			keep, err := f(v)
			claim.inFunc = false
			if err != nil {
				claim.failed = err
				return false
			}
			return !keep || yield(v)
		})
	}
	s.Stage = Filter(func(v any) (bool, error) { return f(v.(T)) }, src.Stage)
	return s
}

// All returns the chain's values for a range loop, as Block(s).All()
// would give them, typed and unboxed: each value with a nil error, and,
// if the chain fails, a last pair with the failure. Leaving the loop
// early stops the source (its yield returns false); a panic in the
// source on its way out (a deferred call once its yield said false) is
// logged as an unhandled error, as [Block] logs it. A panic in the loop
// body goes on as a panic.
func (s *TypedStage[T]) All() iter.Seq2[T, error] {
	return func(body func(T, error) bool) {
		if s.claim.typed || s.claim.untyped {
			for v, err := range Typed[T](Block(s.Stage).All()) {
				if !body(v, err) {
					return
				}
			}
			return
		}
		s.claim.typed = true
		left := false
		err := s.runTyped(func(v T) bool {
			if !body(v, nil) {
				left = true
			}
			return !left
		})
		if err = classified(err); !left && err != nil && !isStop(err) {
			var zero T
			body(zero, err)
		}
	}
}

// runTyped runs the chain into body: a panic in the chain (its source or
// functions) is its failure; one in body goes on.
func (s *TypedStage[T]) runTyped(body func(T) bool) (err error) {
	returned := false
	defer func() {
		if returned {
			return
		}
		if s.claim.inChain {
			return // the body's panic (or runtime.Goexit) goes on
		}
		p := recover()
		if p == nil {
			return // runtime.Goexit goes on
		}
		err = twisted.FailureFromPanic(p)
	}()
	err = s.run(body)
	returned = true
	return err
}
