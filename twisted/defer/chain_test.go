package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// Ports of test_defer.py's chaining-order tests.

func TestNestedAsynchronousChainedDeferreds(t *testing.T) {
	var results []any
	var fs []*twisted.Failure
	inner := New()
	cb := func(result any) (any, error) {
		results = append(results, twisted.Tuple{"start-of-cb", result})
		d := Succeed("inner")
		d.AddCallback(func(any) (any, error) {
			results = append(results, twisted.Tuple{"firstCallback", "inner"})
			return inner, nil
		}).AddCallback(func(r any) (any, error) {
			results = append(results, twisted.Tuple{"secondCallback", r})
			return r.(string) + r.(string), nil
		})
		d.AddErrback(appendFailure(&fs))
		return d, nil
	}
	outer := Succeed("outer").AddCallback(cb).AddCallback(func(r any) (any, error) {
		results = append(results, r)
		return nil, nil
	})
	if got := twisted.Repr(results); got != "[('start-of-cb', 'outer'), ('firstCallback', 'inner')]" {
		t.Fatal(got)
	}
	inner.Callback("orange")
	inner.AddErrback(appendFailure(&fs))
	outer.AddErrback(appendFailure(&fs))
	want := "[('start-of-cb', 'outer'), ('firstCallback', 'inner'), ('secondCallback', 'orange'), 'orangeorange']"
	if got := twisted.Repr(results); got != want || len(fs) != 0 {
		t.Fatal(got, fs)
	}
}

func TestNestedAsynchronousChainedDeferredsWithExtraCallbacks(t *testing.T) {
	var results []any
	var fs []*twisted.Failure
	inner := New()
	cb := func(result any) (any, error) {
		results = append(results, twisted.Tuple{"start-of-cb", result})
		d := Succeed("inner")
		return d.AddCallback(func(r any) (any, error) {
			results = append(results, twisted.Tuple{"firstCallback", r})
			return inner.AddCallback(func(r any) (any, error) { return []any{r}, nil }), nil
		}).AddCallback(func(r any) (any, error) {
			results = append(results, twisted.Tuple{"secondCallback", r})
			l := r.([]any)
			return append(append([]any{}, l...), l...), nil
		}).AddErrback(appendFailure(&fs)), nil
	}
	outer := Succeed("outer")
	outer.AddCallback(cb)
	outer.AddCallback(func(r any) (any, error) { results = append(results, r); return nil, nil })
	if got := twisted.Repr(results); got != "[('start-of-cb', 'outer'), ('firstCallback', 'inner')]" {
		t.Fatal(got)
	}
	inner.Callback("withers")
	outer.AddErrback(appendFailure(&fs))
	inner.AddErrback(appendFailure(&fs))
	want := "[('start-of-cb', 'outer'), ('firstCallback', 'inner'), ('secondCallback', ['withers']), ['withers', 'withers']]"
	if got := twisted.Repr(results); got != want || len(fs) != 0 {
		t.Fatal(got, fs)
	}
}

// gatherCallbacks builds the cb of test_continueCallbackNotFirst and
// test_callbackOrderPreserved.
func gatherCallbacks(a *Deferred, results *[]any, fs *[]*twisted.Failure) func(any) (any, error) {
	return func(result any) (any, error) {
		*results = append(*results, twisted.Tuple{"cb", result})
		d := New()
		returner := d.AddCallback(func(r any) (any, error) {
			*results = append(*results, twisted.Tuple{"firstCallback", r})
			return GatherResults([]*Deferred{a}), nil
		}).AddCallback(func(r any) (any, error) {
			*results = append(*results, twisted.Tuple{"secondCallback", r})
			return nil, nil
		}).AddErrback(appendFailure(fs))
		d.Callback(nil)
		return returner, nil
	}
}

func TestContinueCallbackNotFirst(t *testing.T) {
	var results []any
	var fs []*twisted.Failure
	a := New()
	Succeed("outer").AddCallback(gatherCallbacks(a, &results, &fs)).AddErrback(appendFailure(&fs))
	if got := twisted.Repr(results); got != "[('cb', 'outer'), ('firstCallback', None)]" {
		t.Fatal(got)
	}
	a.Callback("withers")
	want := "[('cb', 'outer'), ('firstCallback', None), ('secondCallback', ['withers'])]"
	if got := twisted.Repr(results); got != want || len(fs) != 0 {
		t.Fatal(got, fs)
	}
}

func TestCallbackOrderPreserved(t *testing.T) {
	var results []any
	var fs []*twisted.Failure
	a := New()
	outer := New()
	outer.AddCallback(gatherCallbacks(a, &results, &fs))
	outer.AddCallback(func(any) (any, error) {
		results = append(results, twisted.Tuple{"final", nil})
		return nil, nil
	})
	outer.AddErrback(appendFailure(&fs))
	outer.Callback("outer")
	if got := twisted.Repr(results); got != "[('cb', 'outer'), ('firstCallback', None)]" {
		t.Fatal(got)
	}
	a.Callback("withers")
	want := "[('cb', 'outer'), ('firstCallback', None), ('secondCallback', ['withers']), ('final', None)]"
	if got := twisted.Repr(results); got != want || len(fs) != 0 {
		t.Fatal(got, fs)
	}
}

func TestCallbacksAcrossSpill(t *testing.T) {
	// Pairs added while the chain runs, past the inline two and past one
	// spill array, all run in order.
	d := New()
	var order []int
	var add func(i int)
	add = func(i int) {
		d.AddCallback(func(r any) (any, error) {
			order = append(order, i)
			if i < 40 && i%3 == 0 {
				add(i + 100)
			}
			return r, nil
		})
	}
	for i := range 40 {
		add(i)
	}
	d.Callback(nil)
	var want []int
	for i := range 40 {
		want = append(want, i)
	}
	for i := 0; i < 40; i += 3 {
		want = append(want, i+100)
	}
	if len(order) != len(want) {
		t.Fatal(order)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order %v\nwant %v", order, want)
		}
	}
	// Drained: new callbacks run at once.
	ran := false
	d.AddCallback(func(any) (any, error) { ran = true; return nil, nil })
	if !ran || d.pending() {
		t.Fatal("late callback")
	}
}

func TestPrepend(t *testing.T) {
	for n := range 20 {
		d := New()
		var order []int
		for i := range n {
			d.AddCallback(func(r any) (any, error) { order = append(order, i); return r, nil })
		}
		d.prepend(link{callback: func(r any) (any, error) { order = append(order, -1); return r, nil }})
		d.Callback(nil)
		if len(order) != n+1 || order[0] != -1 {
			t.Fatal(n, order)
		}
		for i := 1; i <= n; i++ {
			if order[i] != i-1 {
				t.Fatal(n, order)
			}
		}
	}
}
