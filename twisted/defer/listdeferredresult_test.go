package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// A Deferred fired with another Deferred as its result (Callback takes
// one, as Twisted 24 does) hands it to the list's pair, which records it
// and passes it on (DeferredList._cbDeferred returns its result); the
// chain then waits on that Deferred, as Twisted 24's _runCallbacks does
// with any result that is a Deferred. The list's pair must not take the
// short way out that it takes for every other result.
func TestListPairPassesADeferredResultOn(t *testing.T) {
	for _, tc := range []struct {
		name string
		list func([]*Deferred) *Deferred
	}{
		{"GatherResults", func(ds []*Deferred) *Deferred { return GatherResults(ds) }},
		{"DeferredList", func(ds []*Deferred) *Deferred { return DeferredList(ds) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inner := New()
			d := New()
			list := tc.list([]*Deferred{d})
			d.Callback(inner)

			results, _ := list.Result().([]any)
			if len(results) != 1 {
				t.Fatalf("list fired with %#v, want one result", list.Result())
			}
			got := results[0]
			if pair, ok := got.(twisted.Tuple); ok {
				if pair[0] != SUCCESS {
					t.Fatalf("the pair is %v, want a success", pair)
				}
				got = pair[1]
			}
			if got != inner {
				t.Fatalf("the list recorded %v, want the inner Deferred", got)
			}

			var seen []any
			d.AddCallback(func(r any) (any, error) {
				seen = append(seen, r)
				return r, nil
			})
			if len(seen) != 0 {
				t.Fatalf("d went on with %v before the Deferred it waits on fired", seen)
			}
			inner.Callback(7)
			if len(seen) != 1 || seen[0] != 7 {
				t.Fatalf("after inner fired with 7, d's callback saw %v, want [7]", seen)
			}
		})
	}
}
