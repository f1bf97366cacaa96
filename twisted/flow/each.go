package flow

import (
	"iter"

	"github.com/twistedflow/twistedflow/twisted"
)

// Each returns the values of source for a range loop inside a
// [Generator]: the explicit protocol of a stage, in one line. source is
// passed through [Wrap] with the trap classes, once, when Each is called
// (as the explicit form wraps before its loop).
//
//	for v, err := range flow.Each(yield, source) {
//		if err != nil {
//			return err // the source's failure
//		}
//		// handle v
//	}
//
// is the loop
//
//	src := flow.Wrap(source)
//	for {
//		if !yield(src) {
//			return nil
//		}
//		v, err := src.Next()
//		if err != nil {
//			return err
//		}
//		// handle v
//	}
//
// with the same calls in the same order: each round yields the stage,
// then calls its Next. The loop ends when the source ends (StopIteration
// is not delivered: the code after the loop runs, as after Python's
// `for v in stage`); a failure of one of the trap classes is delivered as
// a value, the class itself, as Next returns it; any other failure is
// delivered once as err, and the loop then ends. When the flow is being
// closed (yield returned false), the loop ends too, and every later call
// of yield returns false: a generator that goes on after its loop must
// still check its yields.
//
// The iterator is for the generator whose yield it is given, and runs
// once: ranging over it again goes on where the first loop stopped.
func Each(yield func(any) bool, source any, trap ...*twisted.Class) iter.Seq2[any, error] {
	src := Wrap(source, trap...)
	return func(body func(any, error) bool) {
		for {
			if !yield(src) {
				return
			}
			v, err := src.Next()
			if err != nil {
				if !isStop(err) {
					body(nil, err)
				}
				return
			}
			if !body(v, nil) {
				return
			}
		}
	}
}

// EachOf is Each whose values are of type T: Typed[T](Each(yield,
// source, trap...)). A value of another type ends the loop with a
// TypeError as err.
func EachOf[T any](yield func(any) bool, source any, trap ...*twisted.Class) iter.Seq2[T, error] {
	return Typed[T](Each(yield, source, trap...))
}
