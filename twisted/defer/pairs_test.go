package deferred

import (
	"math/rand/v2"
	"testing"
)

// TestPairsQueueOrder checks the pairs' buffer as it moves between the
// inline pairs, a spill buffer and larger arrays: callbacks that add
// callbacks to their own Deferred while it runs (so that pairs have run
// from the front when it grows), a Deferred paused and unpaused in the
// middle, and one with a pair prepended. The callbacks must run in the
// order they were added, each once, whatever the buffer, and the buffer
// must be left empty and zero.
func TestPairsQueueOrder(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 1))
		total := 1 + rng.IntN(120)
		var ran []int
		added := 0
		d := New()
		var add func()
		add = func() {
			if added == total {
				return
			}
			label := added
			added++
			d.AddCallback(func(r any) (any, error) {
				ran = append(ran, label)
				for range rng.IntN(4) {
					add()
				}
				if rng.IntN(10) == 0 {
					// Pausing from a callback stops the chain after it.
					d.Pause()
					defer d.Unpause()
				}
				return r.(int) + 1, nil
			})
		}
		for range 1 + rng.IntN(40) {
			add()
		}
		d.Callback(0)
		// Whatever the callbacks did not add, add now that d has fired.
		for added < total {
			add()
		}
		if len(ran) != total || d.Result() != total {
			t.Fatalf("seed %d: ran %d of %d callbacks, result %v", seed, len(ran), total, d.Result())
		}
		for i, label := range ran {
			if label != i {
				t.Fatalf("seed %d: callback %d ran at %d: %v", seed, label, i, ran)
			}
		}
		if d.pending() || d.spill != nil || !zeroLinks(d.inline[:]) {
			t.Fatalf("seed %d: pairs left: head %d tail %d spill %v", seed, d.head, d.tail, d.spill != nil)
		}
	}
}

// TestPairsGrowBeforeFiring adds many pairs to a Deferred that has not
// fired, with a pair prepended among them, and checks the order.
func TestPairsGrowBeforeFiring(t *testing.T) {
	for _, n := range []int{1, 2, 3, 15, 16, 17, 31, 32, 33, 100} {
		var ran []int
		d := New()
		for i := range n {
			d.AddCallback(func(r any) (any, error) { ran = append(ran, i); return r, nil })
		}
		d.prepend(link{callback: func(r any) (any, error) { ran = append(ran, -1); return r, nil }})
		d.Callback(nil)
		if len(ran) != n+1 || ran[0] != -1 {
			t.Fatalf("%d pairs: %v", n, ran)
		}
		for i, label := range ran[1:] {
			if label != i {
				t.Fatalf("%d pairs: %v", n, ran)
			}
		}
		if d.pending() || d.spill != nil {
			t.Fatalf("%d pairs: left pending", n)
		}
	}
}

func zeroLinks(links []link) bool {
	for _, l := range links {
		if l.callback != nil || l.rest != nil {
			return false
		}
	}
	return true
}

// TestChainStack pushes and pops runCallbacks' stack across its blocks
// against a slice, and checks that popped entries are cleared.
func TestChainStack(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	ds := make([]*Deferred, 20_000)
	for i := range ds {
		ds[i] = new(Deferred)
	}
	var s chainStack
	var model []*Deferred
	for step := range 200_000 {
		// Drift upwards, then drain: the stack crosses block boundaries
		// in both directions many times.
		up := step < 150_000 && rng.IntN(10) < 6 || len(model) == 0
		if up {
			d := ds[rng.IntN(len(ds))]
			s.push(d)
			model = append(model, d)
		} else {
			s.pop()
			model = model[:len(model)-1]
		}
		var want *Deferred
		if len(model) > 0 {
			want = model[len(model)-1]
		}
		if got := s.top(); got != want {
			t.Fatalf("step %d, depth %d: top %p, want %p", step, len(model), got, want)
		}
	}
	for len(model) > 0 {
		s.pop()
		model = model[:len(model)-1]
	}
	if s.top() != nil || len(s.more) != 0 || s.first != [8]*Deferred{} {
		t.Fatal("stack not empty and clear")
	}
}
