package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func TestTypedBlock(t *testing.T) {
	sum := 0
	for v, err := range flow.Typed[int](flow.Block([]any{1, flow.Cooperate(0), 2, 3}).All()) {
		if err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	if sum != 6 {
		t.Errorf("sum %d, want 6", sum)
	}
}

// A value of another type ends the loop with a TypeError naming both
// types; the flow is closed (the generator's deferred call runs).
func TestTypedMismatch(t *testing.T) {
	closed := false
	gen := flow.Generator(func(yield func(any) bool) error {
		defer func() { closed = true }()
		_ = yield(1) && yield("two") && yield(3)
		return nil
	})
	var got []int
	var errs []error
	for v, err := range flow.Typed[int](flow.Block(gen).All()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, v)
	}
	if len(got) != 1 || got[0] != 1 || len(errs) != 1 {
		t.Fatalf("got %v, errors %v; want [1] and one error", got, errs)
	}
	f := twisted.NewFailure(errs[0])
	if f.Check(twisted.TypeError) == nil || f.Value.Error() != "expected int, got str" {
		t.Errorf("error %s, want TypeError: expected int, got str", f.Error())
	}
	if !closed {
		t.Error("the flow was not closed")
	}
}

type message struct{ text string }

func TestTypedNames(t *testing.T) {
	for _, c := range []struct {
		seq  []any
		run  func([]any) error
		want string
	}{
		{[]any{1.5}, firstErr[int], "expected int, got float"},
		{[]any{twisted.Tuple{1}}, firstErr[string], "expected str, got tuple"},
		{[]any{nil}, firstErr[int], "expected int, got NoneType"},
		{[]any{"x"}, firstErr[*message], "expected message, got str"},
		{[]any{&message{}}, firstErr[[]any], "expected list, got message"},
		{[]any{[]any{}}, firstErr[map[string]int], "expected dict, got list"},
		{[]any{nil, &message{"m"}}, firstErr[*message], ""},
		{[]any{nil, 1, "x"}, firstErr[any], ""},
	} {
		err := c.run(c.seq)
		got := ""
		if err != nil {
			f := twisted.NewFailure(err)
			if f.Check(twisted.TypeError) == nil {
				t.Errorf("%v: %s, want a TypeError", c.seq, f.Error())
			}
			got = f.Value.Error()
		}
		if got != c.want {
			t.Errorf("%v: error %q, want %q", c.seq, got, c.want)
		}
	}
}

func firstErr[T any](seq []any) error {
	for _, err := range flow.Typed[T](flow.Block(seq).All()) {
		if err != nil {
			return err
		}
	}
	return nil
}

// Inside a generator, EachOf's TypeError returned fails the flow.
func TestEachOfMismatchFailsTheFlow(t *testing.T) {
	gen := flow.Generator(func(yield func(any) bool) error {
		for s, err := range flow.EachOf[string](yield, []any{"a", 2}) {
			if err != nil {
				return err
			}
			if !yield(s + s) {
				return nil
			}
		}
		return nil
	})
	out, err := flow.Block(gen).List()
	if twisted.Repr(out) != "['aa']" || twisted.ClassOf(err) != twisted.TypeError {
		t.Errorf("got %s, %v; want ['aa'] and a TypeError", twisted.Repr(out), err)
	}
}

func TestResultsOf(t *testing.T) {
	d := flow.DeferredOn(reactor.NewClock(), []any{"a", "b"})
	lines, err := flow.ResultsOf[string](flowtest.Result(t, d))
	if err != nil || len(lines) != 2 || lines[0]+lines[1] != "ab" {
		t.Errorf("ResultsOf: %q, %v", lines, err)
	}
	for _, c := range []struct {
		res  any
		want string
	}{
		{[]any{"a", 2}, "result 1: expected str, got int"},
		{"ab", "expected the list of a flow's results, got str"},
		{nil, "expected the list of a flow's results, got NoneType"},
	} {
		_, err := flow.ResultsOf[string](c.res)
		if twisted.ClassOf(err) != twisted.TypeError || twisted.NewFailure(err).Value.Error() != c.want {
			t.Errorf("ResultsOf(%s): %v, want TypeError: %s", twisted.Repr(c.res), err, c.want)
		}
	}
}
