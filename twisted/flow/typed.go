package flow

import (
	"fmt"
	"iter"
	"reflect"

	"github.com/twistedflow/twistedflow/twisted"
)

// Typed returns the values of seq as T, for code that knows what a flow
// carries: ranging over Typed[string](flow.Block(src).All()), or
// EachOf[*Message](yield, src) inside a generator, needs no type
// assertion.
//
// The pairs of seq are passed on; a value that is not a T ends the loop
// with a TypeError naming both types in Python's terms ("expected str,
// got int"), after which seq is left (a [Block]'s flow is then closed, as
// when a loop over All is left early). A nil value is T's zero value
// when T can be nil (a pointer, interface, map, slice, func or channel
// type), and a TypeError otherwise. A trapped failure's class is a value
// like any other: T must admit a [*twisted.Class] (T any does) for a
// source with trap classes.
func Typed[T any](seq iter.Seq2[any, error]) iter.Seq2[T, error] {
	return func(body func(T, error) bool) {
		for v, err := range seq {
			var t T
			if err == nil {
				t, err = as[T](v)
			}
			if !body(t, err) || err != nil {
				return
			}
		}
	}
}

// ResultsOf returns the results of a [Deferred], the []any its
// Deferred fires with, as []T: in a callback,
//
//	d.AddCallback(func(res any) (any, error) {
//		lines, err := flow.ResultsOf[string](res)
//		...
//	})
//
// A result that is not a T is a TypeError naming both types (and the
// result's index), as [Typed]'s; res that is not a list of results is a
// TypeError too.
func ResultsOf[T any](res any) ([]T, error) {
	list, ok := res.([]any)
	if !ok {
		if typed, ok := res.([]T); ok {
			return typed, nil
		}
		return nil, twisted.TypeError.New(fmt.Sprintf("expected the list of a flow's results, got %s", pyTypeName(res)))
	}
	out := make([]T, len(list))
	for i, v := range list {
		t, ok := asT[T](v)
		if !ok {
			return nil, twisted.TypeError.New(fmt.Sprintf("result %d: %s", i, mismatch[T](v)))
		}
		out[i] = t
	}
	return out, nil
}

// as returns v as a T, or Python's TypeError naming both types.
func as[T any](v any) (T, error) {
	t, ok := asT[T](v)
	if !ok {
		return t, twisted.TypeError.New(mismatch[T](v))
	}
	return t, nil
}

// asT returns v as a T: nil is the zero value of a T that can be nil.
func asT[T any](v any) (T, bool) {
	if t, ok := v.(T); ok {
		return t, true
	}
	var zero T
	return zero, v == nil && canBeNil(reflect.TypeFor[T]())
}

// mismatch says that v is not a T, in Python's terms.
func mismatch[T any](v any) string {
	return fmt.Sprintf("expected %s, got %s", pyTypeNameOf(reflect.TypeFor[T]()), pyTypeName(v))
}

// canBeNil reports whether nil is a value of t.
func canBeNil(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return true
	}
	return false
}
