package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"slices"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The Deferred controller collects long results in chunks (reused from
// flow to flow) and a list's results in Wrap's copy of it: these tests
// check that every length comes out whole and in order, and that the
// lists handed out never change afterwards.

// spaced yields 0..n-1 with a Cooperate every k values, then fails with
// fail if it is not nil.
func spaced(n, k int, fail error) flow.Generator {
	return func(yield func(any) bool) error {
		for i := range n {
			if i%k == 0 && !yield(flow.Cooperate(0)) {
				return nil
			}
			if !yield(i) {
				return nil
			}
		}
		return fail
	}
}

func spacedList(n, k int) []any {
	var l []any
	for i := range n {
		if i%k == 0 {
			l = append(l, flow.Cooperate(0))
		}
		l = append(l, i)
	}
	return l
}

// run runs a flow on a Clock to its end and returns its results.
func run(t *testing.T, stage any, trap ...*twisted.Class) []any {
	t.Helper()
	c := reactor.NewClock()
	d := flow.DeferredOn(c, stage, trap...)
	for range 100000 {
		if len(c.GetDelayedCalls()) == 0 {
			break
		}
		c.Advance(0)
	}
	res, ok := flowtest.Result(t, d).([]any)
	if !ok {
		t.Fatalf("Deferred fired with %s", repr(res))
	}
	return res
}

func ints(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func TestDeferredResultLengths(t *testing.T) {
	var kept [][]any
	for _, n := range []int{0, 1, 15, 16, 17, 1023, 1024, 1025, 2047, 3000, 5000, 20000} {
		for _, k := range []int{1, 7, 100, 100000} {
			want := ints(n)
			if got := run(t, spaced(n, k, nil)); !slices.Equal(got, want) {
				t.Fatalf("generator, %d items, Cooperate every %d: %d results, want %d", n, k, len(got), n)
			} else {
				kept = append(kept, got)
			}
			l := spacedList(n, k)
			src := slices.Clone(l)
			if got := run(t, l); !slices.Equal(got, want) {
				t.Fatalf("list, %d items, Cooperate every %d: %d results, want %d", n, k, len(got), n)
			} else {
				kept = append(kept, got)
			}
			if !slices.Equal(l, src) {
				t.Fatal("the flow changed the list it was given")
			}
			if got := run(t, flow.Wrap(spacedList(n, k))); !slices.Equal(got, want) {
				t.Fatalf("Wrap(list), %d items, Cooperate every %d: %d results, want %d", n, k, len(got), n)
			}
		}
	}
	// The lists handed out before are untouched by the flows after them
	// (whose chunks came back from the pool).
	for _, got := range kept {
		if !slices.Equal(got, ints(len(got))) {
			t.Fatalf("a list of %d results changed after its flow ended", len(got))
		}
	}
}

func TestDeferredResultsTrapAfterChunks(t *testing.T) {
	for _, n := range []int{0, 3, 1024, 2500} {
		got := run(t, spaced(n, 10, twisted.ZeroDivisionError.New("x")), twisted.ZeroDivisionError)
		want := append(ints(n), any(twisted.ZeroDivisionError))
		if !slices.Equal(got, want) {
			t.Fatalf("%d items then a trapped failure: %d results, last %s", n, len(got), repr(got[len(got)-1]))
		}
	}
}

// A caller who wraps the generator itself still gets every result, as
// the stage's Results batches.
func TestDeferredResultsHeldGenerator(t *testing.T) {
	s := flow.Wrap(spaced(3000, 13, nil))
	if got := run(t, s); !slices.Equal(got, ints(3000)) {
		t.Fatalf("%d results, want 3000", len(got))
	}
}
