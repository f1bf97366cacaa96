package deferred

import (
	"runtime"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// heldResults is where dropFailingList's callback keeps the list's
// results, as a program's cache would.
var heldResults [][]any

//go:noinline
func dropFailingList(marker string, n int, gather bool) {
	ds := newDeferreds(n)
	var dl *Deferred
	if gather {
		dl = GatherResults(ds)
	} else {
		dl = DeferredList(ds)
	}
	dl.AddCallback(func(r any) (any, error) {
		heldResults = append(heldResults, r.([]any))
		return nil, twisted.ValueError.New(marker)
	})
	for i, d := range ds {
		d.Callback(i)
	}
}

// A list's Deferred whose chain ends on a failure is logged as unhandled
// once it is dropped, even while a callback's copy of its result list is
// held, as in Twisted, where the DeferredList holds its resultList and
// not the other way round (Twisted 22.4 logs "Unhandled error in
// Deferred:" for gatherResults' Deferred at collection while the list is
// kept).
func TestListUnhandledErrorLoggedWhileResultsHeld(t *testing.T) {
	for _, n := range []int{1, 10, 16, 17} {
		for _, gather := range []bool{true, false} {
			c := captureUnhandled(t, "listmarker")
			heldResults = nil
			dropFailingList("listmarker", n, gather)
			c.collect(t)
			if len(heldResults) != 1 || len(heldResults[0]) != n {
				t.Fatalf("held %v", heldResults)
			}
			runtime.KeepAlive(heldResults)
		}
	}
	heldResults = nil
}
