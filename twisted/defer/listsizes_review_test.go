package deferred

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// Every size of list, each size class of allocList and past it, gives
// each Deferred's outcome its place, whatever the order the Deferreds
// fire in (some before the list is made, one given twice), and a
// FireOnOne list the index of the Deferred that fired it: Twisted's
// DeferredList._cbDeferred, read.
func TestListEverySize(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 40; n++ {
		for trial := range 20 {
			gather := trial%2 == 0
			var flags []DeferredListOption
			if !gather && trial%4 == 1 {
				flags = append(flags, FireOnOneCallback)
			}
			consume := trial%3 == 0
			if consume {
				flags = append(flags, ConsumeErrors)
			}
			ds := newDeferreds(n)
			if n > 2 && trial%5 == 0 {
				ds[n-1] = ds[0] // given twice
			}
			same := func(i int) int { // a Deferred given twice has its first place's outcome
				if n > 2 && trial%5 == 0 && i == n-1 {
					return 0
				}
				return i
			}
			fail := make([]bool, n)
			for i := range fail {
				fail[i] = rng.IntN(4) == 0
			}
			fire := func(i int) {
				if ds[i].Called() {
					return
				}
				j := same(i)
				if fail[j] {
					ds[i].Errback(twisted.ValueError.New(fmt.Sprint(j)))
				} else {
					ds[i].Callback(j)
				}
			}
			pre := rng.IntN(n + 1)
			for i := range pre {
				fire(i)
			}
			var dl *Deferred
			if gather {
				dl = GatherResults(ds, flags...)
			} else {
				dl = DeferredList(ds, flags...)
			}
			var got any
			dl.AddBoth(func(r any) (any, error) { got = r; return nil, nil })
			for _, i := range rng.Perm(n) {
				fire(i)
			}
			first := -1
			name := fmt.Sprintf("n=%d trial=%d gather=%v flags=%v", n, trial, gather, flags)
			switch r := got.(type) {
			case *twisted.Failure:
				fe, ok := r.Value.(*FirstErrorValue)
				if !ok || !gather {
					t.Fatalf("%s: failure %v", name, r)
				}
				first = fe.Index
				if !fail[same(first)] || fe.SubFailure.GetErrorMessage() != fmt.Sprint(same(first)) {
					t.Fatalf("%s: FirstError at %d: %v", name, first, fe.SubFailure)
				}
			case twisted.Tuple:
				idx := r[1].(int)
				if fail[same(idx)] || r[0] != same(idx) {
					t.Fatalf("%s: fired on one %v", name, r)
				}
			case []any:
				if len(r) != n {
					t.Fatalf("%s: %d results", name, len(r))
				}
				for i, v := range r {
					j := same(i)
					if gather {
						if fail[j] || v != j {
							t.Fatalf("%s: result %d is %v", name, i, v)
						}
						continue
					}
					p := v.(twisted.Tuple)
					if j != i && fail[j] && consume {
						// The pair before it made the failure None.
						if p[0] != true || p[1] != nil {
							t.Fatalf("%s: pair %d is %v", name, i, p)
						}
						continue
					}
					if p[0] != !fail[j] {
						t.Fatalf("%s: pair %d is %v", name, i, p)
					}
					if fail[j] {
						if p[1].(*twisted.Failure).GetErrorMessage() != fmt.Sprint(j) {
							t.Fatalf("%s: pair %d is %v", name, i, p)
						}
					} else if p[1] != j {
						t.Fatalf("%s: pair %d is %v", name, i, p)
					}
				}
			case nil:
				if n != 0 || len(flags) == 0 || flags[0] != FireOnOneCallback {
					if !(len(flags) > 0 && flags[0] == FireOnOneCallback && allFail(fail)) {
						t.Fatalf("%s: never fired", name)
					}
				}
			default:
				t.Fatalf("%s: fired with %T %v", name, got, got)
			}
		}
	}
}

func allFail(fail []bool) bool {
	for _, f := range fail {
		if !f {
			return false
		}
	}
	return true
}
