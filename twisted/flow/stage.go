package flow

import (
	"github.com/twistedflow/twistedflow/twisted"
)

// A Stage is the primary component of a flow: an iterator which must be
// passed to a yield before each call to Next (twisted.flow.base.Stage).
//
// Inside a generator, the usual form is
//
//	source := flow.Wrap(producer, SpamError, EggsError)
//	for {
//		if !yield(source) {
//			return nil
//		}
//		result, err := source.Next()
//		if err != nil {
//			return err // StopIteration ends the generator cleanly
//		}
//		// handle good result, or SpamError or EggsError
//	}
//
// Next returns the next result; a [twisted.StopIteration] error when the
// stage is complete (returned from a generator, it ends the generator
// cleanly, as an uncaught StopIteration does in Python 2); the stage's
// failure once, or instead of it, when the failure's class is one of the
// stage's traps, the trap (the [*twisted.Class]) as a result, as
// Failure.check returns it; and [NotReadyError] when the stage was not
// yielded first.
//
// For those wishing more control, State gives the stage's protocol state,
// Python's member variables (see [Base]): Results, Stop, Failure, Chunked.
// Handle them in this order: results first, then the end, then a failure.
//
//	for {
//		if !yield(source) {
//			return nil
//		}
//		st := source.State()
//		for _, result := range st.Results {
//			// handle good result
//		}
//		st.Results = nil
//		if st.Stop {
//			break
//		}
//		if st.Failure != nil {
//			st.Stop = true
//			// handle st.Failure
//			break
//		}
//	}
//
// Yield is what a yield of the stage runs (Python's private _yield): it
// asks the stage to produce, and returns nil once the stage has results,
// has stopped or has failed, or else the instruction (a [CallLater]) that
// must suspend the flow until the stage can make progress. Only the stage
// or controller consuming a stage calls its Yield. A stage yielded from
// inside its own Yield (a generator that yields its own stage, a that
// yields b that yields a) is a cycle, which the original recurses on until
// Python's RuntimeError: the stages of this package that run another's
// Yield detect it and raise [twisted.RecursionError] (a RuntimeError) naming
// the cycle, which fails the flow.
//
// Close releases what the stage holds (suspended generators, threads,
// the stages it consumes). A controller closes its flow when the flow ends,
// fails or is cancelled; Close is idempotent.
//
// A user-defined stage embeds Base and implements Yield (and Close if it
// holds stages or resources):
//
//	type Countdown struct {
//		flow.Base
//		n int
//	}
//
//	func (c *Countdown) Yield() flow.Instruction {
//		if c.n == 0 {
//			c.Stop = true
//		} else {
//			c.Results = append(c.Results, c.n)
//			c.n--
//		}
//		return nil
//	}
type Stage interface {
	Instruction
	Yield() Instruction
	Next() (any, error)
	State() *Base
	Close()
}

// Base is the state every stage shares, the member variables of Python's
// [Stage], and the Next method that implements the protocol on them. Embed it
// in a stage type.
type Base struct {
	// Results are the results produced and not yet read, in order. Read
	// them one by one with Next, or all together, then remove them.
	Results []any
	// Failure is the failure the stage produced, if any; results may have
	// been produced before it. Whoever handles it sets Stop, so that it is
	// not reported twice.
	Failure *twisted.Failure
	// Trap lists the failure classes that Next returns as results.
	Trap []*twisted.Class
	// Stop is true once the stage has finished (its generator returned or
	// raised StopIteration). Several results may remain when Stop is set.
	// (The flags come last, together, so that they share one word: every
	// stage, and so every suspended flow, carries a Base.)
	Stop bool
	// Chunked makes Next return all the pending results at once, as one
	// []any, rather than one at a time.
	Chunked bool
	// yielding is set while the stage runs the Yield of a stage it
	// consumes (see cycle.go); shut once it has closed them.
	yielding, shut bool
}

func (*Base) flowInstruction() {}

// State returns b, the stage's protocol state.
func (b *Base) State() *Base { return b }

// Close does nothing: a stage that holds nothing to release need not
// implement Close.
func (b *Base) Close() {}

// Next returns the current result; see [Stage].
func (b *Base) Next() (any, error) {
	if n := len(b.Results); n > 0 {
		if b.Chunked {
			ret := b.Results
			b.Results = nil
			return ret, nil
		}
		v := b.Results[0]
		if n == 1 {
			// Keep the array for the next results: most stages hold one
			// result at a time, so this makes the common case allocation-free.
			b.Results[0] = nil
			b.Results = b.Results[:0]
		} else {
			b.Results = b.Results[1:]
		}
		return v, nil
	}
	if b.Stop {
		return nil, errStop
	}
	if b.Failure != nil {
		b.Stop = true
		if c := b.Failure.Check(b.Trap...); c != nil {
			return c, nil
		}
		return nil, b.Failure
	}
	return nil, NotReadyError.New("Must 'yield' this object before calling next()")
}

// ready reports whether the stage has something for its consumer: the
// guard that starts Python's _yield methods.
func (b *Base) ready() bool {
	return len(b.Results) > 0 || b.Stop || b.Failure != nil
}

// setFailure records err as the stage's failure.
func (b *Base) setFailure(err error) {
	b.Failure = twisted.NewFailure(err)
}
