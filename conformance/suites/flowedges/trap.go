package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// flaky fails at its second value, and could go on after it.
type flaky struct{ n int }

func (f *flaky) Next() (any, error) {
	f.n++
	if f.n == 2 {
		return nil, twisted.KeyError.New("once")
	}
	if f.n > 4 {
		return nil, twisted.StopIteration.New()
	}
	return f.n, nil
}

// trapConsumer reads a producer failing with KeyError through a stage
// trapping trap, and yields what it gets.
func trapConsumer(trap *twisted.Class) flow.Generator {
	return func(yield func(any) bool) error {
		src := flow.Wrap(raising(twisted.KeyError.New("k"), 1), trap)
		if !yield(src) {
			return nil
		}
		for {
			x, err := src.Next()
			if isStop(err) {
				break
			}
			if err != nil {
				return err
			}
			if !yield(twisted.Tuple{"got", x}) || !yield(src) {
				return nil
			}
		}
		yield("done")
		return nil
	}
}

var (
	myError  = twisted.NewClass("__main__.MyError", twisted.ValueError)
	subError = twisted.NewClass("__main__.SubError", myError)
)

func init() {
	scenario("trap.byClass", func(e *edge) {
		e.drain(e.block(badgen(), twisted.ZeroDivisionError))
	})
	scenario("trap.parentClass", func(e *edge) {
		e.drain(e.block(badgen(), twisted.ArithmeticError))
	})
	scenario("trap.firstMatchWins", func(e *edge) {
		e.drain(e.block(badgen(), twisted.LookupError, twisted.ArithmeticError, twisted.ZeroDivisionError))
	})
	scenario("trap.noMatch", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield("x") || !yield("y") {
				return nil
			}
			zero := 0
			_ = 3 / zero
			return nil
		}
		e.drain(e.block(flow.Generator(gen), twisted.KeyError, twisted.ValueError))
	})
	scenario("trap.wrapMerges", func(e *edge) {
		inner := flow.Wrap(badgen(), twisted.ArithmeticError, twisted.KeyError)
		outer := flow.Wrap(inner, twisted.ZeroDivisionError, twisted.KeyError)
		e.t.Print(outer == inner)
		e.drain(e.block(outer))
	})
	scenario("trap.wrapKeepsOwn", func(e *edge) {
		inner := flow.Wrap(badgen(), twisted.ArithmeticError)
		e.t.Print(flow.Wrap(inner) == inner)
		e.drain(e.block(inner))
		inner = flow.Wrap(badgen(), twisted.ArithmeticError)
		e.drain(e.block(inner, twisted.ZeroDivisionError))
	})
	scenario("trap.nestedStage", func(e *edge) {
		e.drain(e.block(trapConsumer(twisted.KeyError), twisted.ValueError))
	})
	scenario("trap.controller", func(e *edge) {
		e.drain(e.block(trapConsumer(twisted.ValueError), twisted.LookupError))
		e.run(trapConsumer(twisted.ValueError), twisted.KeyError)
	})
	scenario("trap.raisedFailure", func(e *edge) {
		gen := func() flow.Generator {
			return raising(twisted.NewFailure(twisted.KeyError.New("k")), "a")
		}
		e.drain(e.block(gen(), twisted.LookupError))
		e.drain(e.block(gen()))
	})
	scenario("trap.customHierarchy", func(e *edge) {
		gen := func(err error) flow.Generator { return raising(err, 1) }
		e.drain(e.block(gen(subError.New("deep")), myError))
		e.drain(e.block(gen(myError.New("mine")), subError))
		e.drain(e.block(gen(subError.New("deep")), twisted.ValueError))
	})
	scenario("trap.iteratorNotResumed", func(e *edge) {
		e.drain(e.block(&flaky{}, twisted.KeyError))
		it := &flaky{}
		e.drain(e.block(it, twisted.KeyError))
		e.t.Print(it.n)
	})
	scenario("trap.deferredAppends", func(e *edge) {
		gen := func(yield func(any) bool) error {
			if !yield("x") || !yield(flow.Cooperate(0)) || !yield("y") {
				return nil
			}
			zero := 0
			_ = 3 / zero
			return nil
		}
		e.run(flow.Generator(gen), twisted.ArithmeticError)
	})
}
