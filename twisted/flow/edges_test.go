package flow_test

import (
	"context"
	"errors"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// The expected values are those testdata/python/edges.py prints, unless
// the test says it checks a deviation.

// show returns what edges.py's show prints: the repr of the Block's list,
// or the failure's class name and repr(str(message)).
func show(stage any, trap ...*twisted.Class) string {
	b := flow.Block(stage, trap...)
	b.Sleep = func(float64) {}
	out, err := b.List()
	if err != nil {
		f := twisted.NewFailure(err)
		return f.Type.Name() + " " + twisted.Repr(f.GetErrorMessage())
	}
	return twisted.Repr(out)
}

func TestEdges(t *testing.T) {
	badgen := func() flow.Generator {
		return func(yield func(any) bool) error {
			yield("x")
			zero := 0
			_ = 1 / zero
			return nil
		}
	}
	add := func(a ...any) (any, error) {
		b, _ := a[1].(int)
		return a[0].(int) + b, nil
	}
	inverse := func(a ...any) (any, error) { return 1 / a[0].(int), nil }
	bad := func(any) (bool, error) {
		return false, twisted.ZeroDivisionError.New("integer division or modulo by zero")
	}
	chunkgen := flow.Generator(func(yield func(any) bool) error {
		c := flow.Wrap([]any{1, 2, 3})
		c.State().Chunked = true
		if !yield(c) {
			return nil
		}
		v, err := c.Next()
		if err != nil {
			return err
		}
		yield(v)
		return nil
	})
	concurrent := func() string {
		var out []any
		b := flow.Block(flow.Concurrent([]any{1, 2}, []any{3}))
		for s, err := range b.All() {
			if err != nil {
				return err.Error()
			}
			v, _ := s.(flow.Stage).Next()
			out = append(out, v)
		}
		return twisted.Repr(out)
	}
	for _, c := range []struct{ got, want string }{
		{show(5), `ValueError 'A wrapper is not available for 5'`},
		{show(flow.Filter(bad, []any{1, 2})), `ZeroDivisionError 'integer division or modulo by zero'`},
		{show(flow.LineBreak([]any{"abc\r\nde", "fghijklmnopq"}, flow.LineBreakOptions{})), `RuntimeError "trailing data remains: 'defghijklm'"`},
		{show(flow.LineBreak([]any{"abc\r\nde", "fgh"}, flow.LineBreakOptions{Trailer: true})), `['abc', 'defgh']`},
		{show(flow.Map(nil, []any{1, 2, 3}, []any{"a"}, []any{true, false})), `[(1, 'a', True), (2, None, False), (3, None, None)]`},
		{show(flow.Map(nil, []any{1, 2})), `[(1,), (2,)]`},
		{show(flow.Map(add, []any{1, 2, 3}, []any{10})), `[11, 2, 3]`},
		{show(flow.Filter(nil, []any{0, 1, "", "a", nil, []any{}, []any{0}, twisted.Tuple{}, 0.0, false, true, map[string]int{}})), `[1, 'a', [0], True]`},
		{show(chunkgen), `[[1, 2, 3]]`},
		{show(flow.Map(inverse, []any{1, 0, 2})), `ZeroDivisionError 'integer division or modulo by zero'`},
		{show(func() any { return flow.Wrap([]any{1}) }), `NotReadyError "Must 'yield' this object before calling next()"`},
		{show(flow.Zip([]any{1, 2}, badgen()), twisted.ZeroDivisionError), `[(1, 'x'), <type 'exceptions.ZeroDivisionError'>]`},
		{concurrent(), `[1, 3]`},
		{show(failedDeferred()), `IOError 'gone'`},
		{show(failedDeferred(), twisted.IOError), `[<type 'exceptions.IOError'>]`},
		{show(fedCallback()), `[1, 2]`},
		{show(flow.LineBreak([]any{12, "\r\n3", 4.5, "\r\n"}, flow.LineBreakOptions{})), `['12', '34.5']`},
		{show(flow.Filter(nil, mixed())), `['x', (0,)]`},
		{show(flow.Zip(mixed(), "ab", []any{1})), `[(0, 'ab', 1), ('x', None, None), (None, None, None), ((0,), None, None)]`},
		{show(flow.Merge("s", []any{1, 2})), `['s', 1, 2]`},
	} {
		if c.got != c.want {
			t.Errorf("got  %s\nwant %s", c.got, c.want)
		}
	}
}

func failedDeferred() *deferred.Deferred {
	d := deferred.New()
	d.Errback(twisted.IOError.New("gone"))
	return d
}

func fedCallback() *flow.CallbackStage {
	cb := flow.Callback()
	cb.Result(1)
	cb.Result(2)
	cb.Finish()
	return cb
}

func mixed() flow.Generator {
	return func(yield func(any) bool) error {
		_ = yield(0) && yield("x") && yield(nil) && yield(twisted.Tuple{0})
		return nil
	}
}

func TestTrapMerge(t *testing.T) {
	s := flow.Wrap(flow.Wrap([]any{1}), twisted.IOError, twisted.KeyError)
	s = flow.Wrap(s, twisted.ValueError, twisted.KeyError)
	flowtest.Check(t, twisted.Tuple{s.State().Trap[0], s.State().Trap[1], s.State().Trap[2]},
		"(<type 'exceptions.ValueError'>, <type 'exceptions.KeyError'>, <type 'exceptions.IOError'>)")
	if len(s.State().Trap) != 3 {
		t.Errorf("Trap = %v", s.State().Trap)
	}
}

// Deviation: Unsupported cannot be constructed in the original (every
// raise of it is a TypeError); here it is a real NotImplementedError.
func TestUnsupported(t *testing.T) {
	c := flow.Cooperate(0)
	for _, stage := range []any{[]any{1, flow.Wrap([]any{2})}, flow.Callback()} {
		out, err := flow.Block(stage).List()
		if !errors.Is(err, flow.Unsupported) || !errors.Is(err, twisted.NotImplementedError) {
			t.Errorf("Block(%T): %v, %v; want Unsupported", stage, out, err)
		}
	}
	_, err := flow.Block([]any{1, flow.Wrap([]any{2})}).List()
	if err == nil || !strings.HasPrefix(twisted.NewFailure(err).GetErrorMessage(), "Unsupported flow instruction: <twisted.flow.wrap._List instance at 0x") {
		t.Errorf("message: %v", err)
	}
	_, err = flow.Block(flow.Merge([]any{c}, flow.Callback())).List()
	if err == nil || !strings.HasPrefix(twisted.NewFailure(err).GetErrorMessage(), "Unsupported flow instruction: <twisted.flow.stage.Instruction instance at 0x") {
		t.Errorf("message: %v", err)
	}
}

// Deviation: the original's Block fails when every branch of a Merge
// cooperates at once; Block sleeps for the shortest timeout.
func TestBlockMergeCooperate(t *testing.T) {
	g := func(n int, timeout float64) flow.Generator {
		return func(yield func(any) bool) error {
			_ = yield(flow.Cooperate(timeout)) && yield(n)
			return nil
		}
	}
	b := flow.Block(flow.Merge(g(1, 0.5), g(2, 0.25)))
	slept := noSleep(b)
	flowtest.Check(t, must(b.List()), "[1, 2]")
	flowtest.Check(t, *slept, "[0.25]")
}

// Deviation: the original's LineBreak never enforced maxlength.
func TestLineBreakMaxLength(t *testing.T) {
	got := show(flow.LineBreak([]any{"ab\nabcdef\nxy"}, flow.LineBreakOptions{Delimiter: "\n", MaxLength: 4}))
	if want := `RuntimeError "line length exceeds maxlength 4: 'abcdef'"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	b := flow.Block(flow.LineBreak([]any{"ab\n", "abc", "def"}, flow.LineBreakOptions{Delimiter: "\n", MaxLength: 4}))
	v, err := b.Next()
	flowtest.Check(t, v, "'ab'")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Next(); err == nil || !strings.Contains(err.Error(), "line length exceeds maxlength 4: 'abcdef'") {
		t.Errorf("partial line too long: %v", err)
	}
	if got := show(flow.LineBreak([]any{"abcd\r\n"}, flow.LineBreakOptions{MaxLength: 4})); got != "['abcd']" {
		t.Errorf("line of maxlength: %s", got)
	}
}

func TestGeneratorPanic(t *testing.T) {
	gen := flow.Generator(func(yield func(any) bool) error {
		yield(1)
		s, i := []int{}, 1
		return twisted.Exception.New(s[i])
	})
	out, err := flow.Block(gen).List()
	flowtest.Check(t, out, "[1]")
	if twisted.ClassOf(err) != twisted.IndexError {
		t.Errorf("err = %v", err)
	}
}

// A generator that returns the StopIteration of a stage's Next ends
// cleanly, as in Python 2.
func TestGeneratorStopIteration(t *testing.T) {
	gen := flow.Generator(func(yield func(any) bool) error {
		src := flow.Wrap([]any{1})
		for {
			if !yield(src) {
				return nil
			}
			v, err := src.Next()
			if err != nil {
				return err
			}
			yield(v.(int) * 2)
		}
	})
	if got := show(gen); got != "[2]" {
		t.Errorf("got %s, want [2]", got)
	}
}

// Leaving All's loop early closes the flow: suspended generators return
// and run their deferred calls.
func TestBlockBreakCloses(t *testing.T) {
	closed := 0
	inner := flow.Generator(func(yield func(any) bool) error {
		defer func() { closed++ }()
		for i := 0; ; i++ {
			if !yield(i) {
				return nil
			}
		}
	})
	outer := flow.Generator(func(yield func(any) bool) error {
		defer func() { closed++ }()
		src := flow.Wrap(inner)
		for {
			if !yield(src) {
				return nil
			}
			v, err := src.Next()
			if err != nil {
				return err
			}
			if !yield(v) {
				return nil
			}
		}
	})
	for v := range flow.Block(outer).All() {
		if v == 3 {
			break
		}
	}
	if closed != 2 {
		t.Errorf("%d generators closed, want 2", closed)
	}
}

func TestBlockContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	closed := false
	gen := flow.Generator(func(yield func(any) bool) error {
		defer func() { closed = true }()
		for i := 0; ; i++ {
			if !yield(i) || !yield(flow.Cooperate(3600)) {
				return nil
			}
		}
	})
	b := flow.BlockContext(ctx, gen)
	v, err := b.Next()
	flowtest.Check(t, v, "0")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := b.Next(); !errors.Is(err, context.Canceled) {
		t.Errorf("Next after cancel: %v", err)
	}
	if !closed {
		t.Error("generator not closed")
	}
}

// A Block waiting in a Cooperate wakes up when its context is cancelled.
func TestBlockContextSleep(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	gen := flow.Generator(func(yield func(any) bool) error {
		_ = yield(flow.Cooperate(3600)) && yield(1)
		return nil
	})
	b := flow.BlockContext(ctx, gen)
	done := make(chan error)
	go func() {
		_, err := b.Next()
		done <- err
	}()
	cancel()
	if err := receiveWithin(t, done, "Next to return once cancelled"); !errors.Is(err, context.Canceled) {
		t.Errorf("Next: %v", err)
	}
}
