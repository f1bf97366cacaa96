package flow

import (
	"iter"
	"reflect"

	"github.com/twistedflow/twistedflow/twisted"
)

// A Generator is a Python generator ported to Go: a function that yields
// values, stages and instructions by calling yield, and returns when it
// ends. [Wrap] runs it (driving it with iter.Pull) as Python's flow.wrap runs
// a generator.
//
//	def producer():              func producer() flow.Generator {
//	                                 return func(yield func(any) bool) error {
//	    yield 1                          if !yield(1) { return nil }
//	    yield flow.Cooperate()           if !yield(flow.Cooperate(0)) { return nil }
//	    yield 2                          yield(2)
//	                                     return nil
//	                                 }
//	                             }
//
// yield reports false when the flow was closed (its controller finished,
// failed or was cancelled): the generator must then return at once, as
// Python's generator is closed with GeneratorExit; its deferred calls run.
//
// The generator's return value ends it: nil, or an error of class
// StopIteration (such as what Stage.Next returns at the end of a stage),
// ends it cleanly, as in Python 2 an uncaught StopIteration ends a
// generator; any other error ends it with that error as its failure, as a
// raised exception does. A panic is recovered as a failure too.
type Generator func(yield func(any) bool) error

// genIter runs a Generator as an Iterator. The coroutine is made at the
// first Next, so that a generator never pulled costs none, and so that
// Block.All can run it directly instead (see push.go).
//
// Its two words are its whole state, so that a generator that push mode
// runs, as a suspended flow.Deferred's, keeps 16 bytes for it (its stage
// and this wrapper are 112 B): gen is nil once the generator is done
// (closed, or run to its end by push), and pull is its coroutine, made at
// the first Next, or pushRunning while push mode runs it.
type genIter struct {
	gen  Generator
	pull *genPull
}

// genPull is a genIter's coroutine, made at its first Next.
type genPull struct {
	next func() (any, bool)
	// inline, if set, is offered each value the generator yields, on the
	// generator's coroutine: if it has dealt with the value as its
	// consumer would have, the generator goes on without switching (see
	// iterStage.inlineYield); otherwise it returns the value to hand over.
	// (The stage, not a method value of it: its Yield gives it as it
	// starts the generator, and it costs no allocation of its own.)
	inline *iterStage
	// into, if set, takes each result the generator yields (a value that
	// is neither an instruction nor a Deferred) on the generator's
	// coroutine, as flow.Deferred's loop would take it from the stage, and
	// the generator goes on without switching: flow.Deferred's list, for a
	// generator at the root of its flow (see DeferredOn). It takes them
	// only while that flow pulls (byRoot): another consumer of the same
	// stage gets the values it resumes the generator for, as pulling has it.
	into *resultList
	// err is what the generator returned, or the failure of its panic.
	err error
	// inside is set while the generator runs (in next): Close from there
	// cannot stop the coroutine it is running on, and leaves the
	// generator to see yield return false instead; Next fails.
	inside bool
	// byRoot (see into) shares inside's word: a suspended flow.Deferred
	// keeps its genPull, which is 48 B with both flags in one word and 64
	// with a word each.
	byRoot bool
}

// pushRunning is the coroutine of a generator that push mode runs, while
// it runs: always inside (push mode runs the generator on the calling
// goroutine, where Close cannot stop it and Next finds it executing). It
// is never written.
var pushRunning = &genPull{inside: true}

func newGenIter(g Generator) *genIter { return &genIter{gen: g} }

// fresh reports whether the generator has not started.
func (it *genIter) fresh() bool { return it.pull == nil && it.gen != nil }

// done reports whether the generator is closed, or has been run to its
// end by push mode.
func (it *genIter) done() bool { return it.gen == nil }

// start makes the coroutine; each value the generator yields is offered
// to inline first, if it is not nil. Only next is kept: Close ends the
// coroutine by resuming it (iter.Pull's stop is 32 B that a suspended
// generator would hold).
func (it *genIter) start(inline *iterStage) {
	it.pull = &genPull{inline: inline}
	it.pull.next, _ = iter.Pull(func(yield func(any) bool) {
		if it.done() { // closed before it started: Close resumed it to end it
			return
		}
		defer func() {
			if r := recover(); r != nil {
				it.pull.err = twisted.FailureFromPanic(r)
			}
		}()
		it.pull.err = it.gen(func(v any) bool {
			if it.done() {
				return false
			}
			if l := it.pull.into; l != nil && it.pull.byRoot && isResult(v) {
				l.add1(v)
				return !it.done()
			}
			if s := it.pull.inline; s != nil {
				out, handled := s.inlineYield(v)
				if handled {
					return !it.done()
				}
				v = out
			}
			return yield(v) && !it.done() // done: Close resumed it to end it
		})
	})
}

// Next resumes the generator up to its next yield. Called from inside
// the generator (its flow resumed from there), it fails with Python's
// ValueError "generator already executing".
func (it *genIter) Next() (any, error) {
	if p := it.pull; p != nil && p.inside {
		return nil, twisted.ValueError.New("generator already executing")
	}
	if it.pull == nil {
		if it.done() {
			return nil, errStop
		}
		it.start(nil)
	}
	it.pull.inside = true
	v, ok := it.pull.next()
	it.pull.inside = false
	if ok {
		return v, nil
	}
	if err := it.pull.err; err != nil && !isStop(err) {
		it.pull.err = nil // raised once; the generator is over
		return nil, err
	}
	return nil, errStop
}

// Close stops a suspended generator: its yield returns false and its
// deferred calls run before Close returns. Called from inside the
// generator (its flow cancelled from there), Close only marks it: its
// next yield returns false. An error the generator returns on the way
// out, or a panic in it, is raised (panics with its failure), as
// Python's close raises what the generator raises on GeneratorExit.
func (it *genIter) Close() {
	it.gen = nil // done
	if it.pull != nil && !it.pull.inside {
		// Resumed once it is done, the generator sees its yield return
		// false, and returns (one that had not started does not run):
		// what iter.Pull's stop does, which start does not keep.
		it.pull.next()
		if err := it.pull.err; err != nil && !isStop(err) {
			it.pull.err = nil
			panic(twisted.NewFailure(err))
		}
	}
}

// seqGenerator turns an iter.Seq into a Generator that never fails.
func seqGenerator(seq func(yield func(any) bool)) Generator {
	return func(yield func(any) bool) error {
		seq(yield)
		return nil
	}
}

// boolType is the result type of a yield function.
var boolType = reflect.TypeFor[bool]()

// seqOf returns a Generator running obj when obj is an iter.Seq of any
// element type (func(yield func(T) bool)), or an iter.Seq2, whose pairs
// it yields as twisted.Tuple{k, v}: the iterators of the standard library
// (slices.Values, maps.All, strings.Lines) and Go code in general. The
// yield it passes converts each element through reflect, which costs more
// than a Generator's or an iter.Seq[any]'s own.
func seqOf(obj any) (Generator, bool) {
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Func || v.IsNil() {
		return nil, false
	}
	t := v.Type()
	if t.NumIn() != 1 || t.NumOut() != 0 {
		return nil, false
	}
	y := t.In(0)
	if y.Kind() != reflect.Func || y.NumIn() < 1 || y.NumIn() > 2 || y.NumOut() != 1 || y.Out(0) != boolType {
		return nil, false
	}
	return func(yield func(any) bool) error {
		fn := reflect.MakeFunc(y, func(args []reflect.Value) []reflect.Value {
			var item any
			if len(args) == 1 {
				item = args[0].Interface()
			} else {
				item = twisted.Tuple{args[0].Interface(), args[1].Interface()}
			}
			return []reflect.Value{reflect.ValueOf(yield(item))}
		})
		v.Call([]reflect.Value{fn})
		return nil
	}, true
}
