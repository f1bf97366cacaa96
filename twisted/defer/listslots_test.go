package deferred

import (
	"fmt"
	"runtime"
	"testing"
	"unsafe"
	"weak"

	"github.com/twistedflow/twistedflow/twisted"
)

// The list's pairs find their index only when one result fires the list
// on its own (FireOnOneCallback, FireOnOneErrback, GatherResults'
// failure): each position of lists of several lengths, and a Deferred
// given twice, which reports its first position (its first pair runs
// first). Checked against Twisted 22.4: DeferredList([d0, d1, d2, d1],
// fireOnOneErrback=True) failing d1 gives FirstError index 1, and with
// fireOnOneCallback firing d1 gives ('y', 1).
func TestListIndexOfFiringDeferred(t *testing.T) {
	for _, n := range []int{1, 2, 5, 17} {
		for k := range n {
			name := fmt.Sprintf("%d of %d", k, n)
			ds := newDeferreds(n)
			g := GatherResults(ds, ConsumeErrors)
			ds[k].Errback(twisted.ValueError.New("x"))
			if f := failureResultOf(t, g, FirstError); f.Value.(*FirstErrorValue).Index != k {
				t.Errorf("GatherResults, %s failing: index %d", name, f.Value.(*FirstErrorValue).Index)
			}

			ds = newDeferreds(n)
			dl := DeferredList(ds, FireOnOneCallback)
			ds[k].Callback("y")
			if got := twisted.Repr(successResultOf(t, dl)); got != fmt.Sprintf("('y', %d)", k) {
				t.Errorf("FireOnOneCallback, %s firing: %s", name, got)
			}

			ds = newDeferreds(n)
			dl = DeferredList(ds, FireOnOneErrback, ConsumeErrors)
			ds[k].Errback(twisted.ValueError.New("x"))
			if f := failureResultOf(t, dl, FirstError); f.Value.(*FirstErrorValue).Index != k {
				t.Errorf("FireOnOneErrback, %s failing: index %d", name, f.Value.(*FirstErrorValue).Index)
			}
		}
	}
	ds := newDeferreds(3)
	dl := DeferredList([]*Deferred{ds[0], ds[1], ds[2], ds[1]}, FireOnOneErrback, ConsumeErrors)
	ds[1].Errback(twisted.ValueError.New("x"))
	if f := failureResultOf(t, dl, FirstError); f.Value.(*FirstErrorValue).Index != 1 {
		t.Errorf("a Deferred given twice: index %d, want 1", f.Value.(*FirstErrorValue).Index)
	}
	ds = newDeferreds(3)
	dl = DeferredList([]*Deferred{ds[0], ds[1], ds[2], ds[1]}, FireOnOneCallback)
	ds[1].Callback("y")
	if got := twisted.Repr(successResultOf(t, dl)); got != "('y', 1)" {
		t.Errorf("a Deferred given twice: %s, want ('y', 1)", got)
	}
}

func newDeferreds(n int) []*Deferred {
	ds := make([]*Deferred, n)
	for i := range ds {
		ds[i] = New()
	}
	return ds
}

// A list's Deferred keeps its state where its result will be: before it
// fires, Result is nil and String shows no result; a list fired by its
// user (as Twisted allows) is not cancelled, and its Deferreds firing
// later change nothing (Twisted 22.4: DeferredList([d0]); callback("mine");
// cancel(); d0.callback(1) leaves "mine" and never calls d0's canceller).
func TestUnfiredListHidesItsState(t *testing.T) {
	cancelled := 0
	d0 := NewWithCanceller(func(*Deferred) { cancelled++ })
	for _, dl := range []*Deferred{DeferredList([]*Deferred{d0}), GatherResults([]*Deferred{d0})} {
		if dl.Result() != nil || dl.Called() || dl.String() != fmt.Sprintf("<DeferredList at %p>", dl) {
			t.Fatalf("unfired list: result %v, called %v, %s", dl.Result(), dl.Called(), dl)
		}
		dl.Callback("mine")
		dl.Cancel()
		if cancelled != 0 || dl.Result() != "mine" {
			t.Fatalf("cancelled %d times, result %v", cancelled, dl.Result())
		}
	}
	d0.Callback(1)
	if successResultOf(t, d0) != 1 {
		t.Fatal("d0's result changed")
	}
}

func TestListStateSize(t *testing.T) {
	// A list's Deferred and state take 168 bytes; GatherResults of ten
	// Deferreds keeps them and its copy of the ten Deferreds in one
	// allocation of 248 bytes, the allocator's class of 256, and its
	// slots in another (BENCHMARKS.md).
	if size := unsafe.Sizeof(listState{}); size != 168 {
		t.Fatalf("listState is %d bytes", size)
	}
	if size := unsafe.Sizeof(smallList[[10]*Deferred]{}); size != 248 {
		t.Fatalf("a list of ten is %d bytes", size)
	}
}

// A list's result list shares its array with the list's copy of its
// Deferreds, which the list forgets as it fires: held results do not keep
// the Deferreds alive.
func TestListResultsDoNotKeepDeferreds(t *testing.T) {
	for _, gather := range []bool{true, false} {
		ds := newDeferreds(3)
		var dl *Deferred
		if gather {
			dl = GatherResults(ds)
		} else {
			dl = DeferredList(ds)
		}
		ws := make([]weak.Pointer[Deferred], len(ds))
		for i, d := range ds {
			ws[i] = weak.Make(d)
			d.Callback(i)
		}
		results := dl.Result().([]any)
		clear(ds)
		dl = nil
		runtime.GC()
		for i, w := range ws {
			if w.Value() != nil {
				t.Errorf("gather %v: Deferred %d kept alive by the results", gather, i)
			}
		}
		if len(results) != 3 {
			t.Fatal(results)
		}
		runtime.KeepAlive(results)
	}
}

// Cancelling a list whose first cancelled Deferred fires it (the list
// fails at once with FirstError) still cancels the others, as Twisted's
// loop goes on.
func TestCancelListFiredByItsFirstCancel(t *testing.T) {
	cancelled := make([]int, 3)
	ds := make([]*Deferred, 3)
	for i := range ds {
		ds[i] = NewWithCanceller(func(*Deferred) { cancelled[i]++ })
	}
	g := GatherResults(ds)
	g.Cancel()
	if f := failureResultOf(t, g, FirstError); f.Value.(*FirstErrorValue).Index != 0 {
		t.Errorf("FirstError index %d, want 0", f.Value.(*FirstErrorValue).Index)
	}
	for i, n := range cancelled {
		if n != 1 {
			t.Errorf("Deferred %d cancelled %d times", i, n)
		}
		failureResultOf(t, ds[i], CancelledError)
	}
}
