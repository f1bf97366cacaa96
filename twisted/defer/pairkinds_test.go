package deferred

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// TestPairKindsReuseSlots runs Deferreds whose pairs are of every kind
// (a callback alone, an errback alone, both, AddBoth, a DeferredList's
// pair and the pair of a Deferred waiting on this one, whose callback is
// nil), added before and after firing, so that each kind's slot is taken
// out and used again by another kind, in the inline pairs, a spill buffer
// and larger arrays. Adding a pair writes only its words that are not nil
// and taking one out clears only what it wrote: a word left behind would
// give a later pair an errback or a waiting Deferred it never had. Every
// pair must run as a model of Twisted's chain says (each once, on the
// right path), each list see one result, and the buffers be left zero.
func TestPairKindsReuseSlots(t *testing.T) {
	for seed := range uint64(400) {
		rng := rand.New(rand.NewPCG(seed, 7))
		d := New()
		failing := false // the model's path at the end of the pairs added so far
		var want, got []int
		lists := 0
		listResults := 0
		label := 0
		add := func() {
			label++
			l := label
			flip := rng.IntN(3) == 0 // the handler that runs changes the path
			record := func(r any) (any, error) {
				got = append(got, l)
				_, isFailure := r.(*twisted.Failure)
				if flip == isFailure {
					return "ok", nil
				}
				return nil, twisted.ValueError.New("v")
			}
			runs := func(onFailure bool) {
				want = append(want, l)
				failing = flip != onFailure
			}
			switch rng.IntN(6) {
			case 0:
				d.AddCallback(record)
				if !failing {
					runs(false)
				}
			case 1:
				d.AddErrback(func(f *twisted.Failure) (any, error) { return record(f) })
				if failing {
					runs(true)
				}
			case 2:
				d.AddCallbacks(record, func(f *twisted.Failure) (any, error) { return record(f) })
				runs(failing)
			case 3:
				d.AddBoth(record)
				runs(failing)
			case 4:
				lists++
				DeferredList([]*Deferred{d}).AddCallback(func(any) (any, error) { listResults++; return nil, nil })
			case 5:
				// A callback returning a Deferred that has not fired:
				// that one gets the pair of d waiting on it.
				d.AddBoth(func(r any) (any, error) {
					got = append(got, l)
					inner := New()
					inner.Callback(r)
					waiting := New()
					inner.Pause()
					inner.AddBoth(func(r any) (any, error) { return waiting, nil })
					inner.Unpause()
					waiting.Callback(r)
					return inner, nil
				})
				want = append(want, l)
			}
		}
		for range rng.IntN(40) {
			add()
		}
		d.Callback(1)
		for range rng.IntN(40) {
			add()
		}
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d: ran %v, want %v", seed, got, want)
		}
		if listResults != lists {
			t.Fatalf("seed %d: %d of %d lists fired", seed, listResults, lists)
		}
		if d.pending() || d.spill != nil || !zeroLinks(d.inline[:]) {
			t.Fatalf("seed %d: pairs left: head %d tail %d spill %v", seed, d.head, d.tail, d.spill != nil)
		}
		if _, ok := d.Result().(*twisted.Failure); ok {
			d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil }) // handled
		}
	}
}
