package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A typed chain ranged over with its All makes the calls its Stage (Map
// and Filter stages) makes under Block, in the same order, with the same
// outcome.

// typedChain builds FilterOf(odd, MapOf(plus, Values(items))), logging
// each call; 13 makes plus fail, 99 makes odd panic, -1 makes the source
// panic.
func typedChain(l *logger, items ...int) *flow.TypedStage[int] {
	src := flow.Values(func(yield func(int) bool) {
		defer l.log("src: closed")
		for i, v := range items {
			if v == -1 {
				panic(twisted.KeyError.New("k"))
			}
			l.log("src: step %d", i)
			if !yield(v) {
				l.log("src: stopped")
				return
			}
		}
		l.log("src: end")
	})
	plus := func(v int) (int, error) {
		l.log("plus %d", v)
		if v == 13 {
			return 0, twisted.ValueError.New("thirteen")
		}
		return v + 1, nil
	}
	odd := func(v int) (bool, error) {
		l.log("odd %d", v)
		if v == 99 {
			panic("ninety-nine")
		}
		return v%2 != 0, nil
	}
	return flow.FilterOf(odd, flow.MapOf(plus, src))
}

// consumeTyped logs what a loop over seq sees, leaving after stopAt values.
func consumeTyped(l *logger, seq func(func(int, error) bool), stopAt int) {
	n := 0
	for v, err := range seq {
		if err != nil {
			f := twisted.NewFailure(err)
			l.log("body: error %s: %s", f.Type.Name(), twisted.Str(f.Value))
			break
		}
		l.log("body: %d", v)
		if n++; n == stopAt {
			break
		}
	}
	l.log("done")
}

func TestTypedStageEqualsUntyped(t *testing.T) {
	for _, c := range []struct {
		name   string
		items  []int
		stopAt int
	}{
		{"plain", []int{1, 2, 3, 4, 5}, 0},
		{"empty", nil, 0},
		{"left early", []int{1, 2, 3, 4, 5, 6}, 2},
		{"function fails", []int{1, 2, 13, 4}, 0},
		{"function panics", []int{1, 98, 3}, 0},
		{"source panics", []int{0, 2, -1, 4}, 0},
	} {
		typed, untyped := &logger{}, &logger{}
		consumeTyped(typed, typedChain(typed, c.items...).All(), c.stopAt)
		consumeTyped(untyped, flow.Typed[int](flow.Block(typedChain(untyped, c.items...)).All()), c.stopAt)
		if diff := cmp.Diff(untyped.lines, typed.lines); diff != "" {
			t.Errorf("%s: the typed trace differs from the untyped one (-untyped +typed):\n%s", c.name, diff)
		}
		if len(typed.lines) < 3 {
			t.Errorf("%s: trace too short: %q", c.name, typed.lines)
		}
	}
}

// A panic in the loop body goes on, in both ways.
func TestTypedStageBodyPanic(t *testing.T) {
	closed := false
	src := flow.Values(func(yield func(int) bool) {
		defer func() { closed = true }()
		for i := 0; yield(i); i++ {
		}
	})
	func() {
		defer func() {
			if r := recover(); r != "body" {
				t.Errorf("recovered %v, want the body's panic", r)
			}
		}()
		for range src.All() {
			panic("body")
		}
	}()
	if !closed {
		t.Error("the source was not closed")
	}
}

// As a Stage, a typed chain is Map and Filter: under flow.Deferred, or
// inside Zip, it gives what the untyped chain gives.
func TestTypedStageAsStage(t *testing.T) {
	seq := func(yield func(int) bool) { _ = yield(1) && yield(2) && yield(3) }
	double := func(i int) (int, error) { return 2 * i, nil }
	res := flowtest.Result(t, flow.DeferredOn(reactor.NewClock(), flow.Zip(flow.MapOf(double, flow.Values(seq)), []any{"a", "b"})))
	untyped := flow.Map(func(args ...any) (any, error) { return 2 * args[0].(int), nil }, flow.Generator(func(yield func(any) bool) error {
		_ = yield(1) && yield(2) && yield(3)
		return nil
	}))
	want := flowtest.Result(t, flow.DeferredOn(reactor.NewClock(), flow.Zip(untyped, []any{"a", "b"})))
	if got := twisted.Repr(res); got != twisted.Repr(want) || len(res.([]any)) != 3 {
		t.Errorf("Zip of a typed Map: %s, want %s", got, twisted.Repr(want))
	}
}

// A chain runs once: a source pulled from as a Stage makes All go on
// where it is; one run by All fails the Stage.
func TestTypedStageRunsOnce(t *testing.T) {
	seq := func(yield func(int) bool) { _ = yield(1) && yield(2) && yield(3) }
	s := flow.Values(seq)
	b := flow.Block(s)
	v, err := b.Next()
	if err != nil || v != 1 {
		t.Fatalf("Next: %v, %v", v, err)
	}
	var rest []int
	for v, err := range s.All() {
		if err != nil {
			t.Fatal(err)
		}
		rest = append(rest, v)
	}
	if diff := cmp.Diff([]int{2, 3}, rest); diff != "" {
		t.Errorf("All after Next (-want +got):\n%s", diff)
	}

	s = flow.Values(seq)
	for range s.All() {
	}
	_, err = flow.Block(s).List()
	if twisted.ClassOf(err) != twisted.RuntimeError {
		t.Errorf("the Stage after All: %v, want RuntimeError", err)
	}
}
