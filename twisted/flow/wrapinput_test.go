package flow_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Nil pointers and functions are Python's None: Wrap gives the stage
// failing with the original's ValueError, rather than a nil dereference.
func TestWrapNil(t *testing.T) {
	for name, obj := range map[string]any{
		"func() any":         (func() any)(nil),
		"*deferred.Deferred": (*deferred.Deferred)(nil),
		"stage pointer":      (*flow.MapStage)(nil),
		"Generator":          flow.Generator(nil),
		"iterator pointer":   (*slowlist)(nil),
	} {
		_, err := flow.Block(obj).List()
		if got := valueRepr(err); got != "ValueError('A wrapper is not available for None',)" {
			t.Errorf("%s: %s", name, got)
		}
	}
}

// iter.Seq and iter.Seq2 of any types are generators; Seq2's pairs are
// tuples.
func TestWrapTypedSeqs(t *testing.T) {
	for _, tt := range []struct {
		name string
		obj  any
		want []any
	}{
		{"slices.Values", slices.Values([]int{1, 2, 3}), []any{1, 2, 3}},
		{"strings.Lines", strings.Lines("a\nb"), []any{"a\n", "b"}},
		{"maps.All", maps.All(map[string]int{"k": 1}), []any{twisted.Tuple{"k", 1}}},
		{"slices.All", slices.All([]string{"x", "y"}), []any{twisted.Tuple{0, "x"}, twisted.Tuple{1, "y"}}},
	} {
		got, err := flow.Block(tt.obj).List()
		if err != nil || !cmp.Equal(got, tt.want) {
			t.Errorf("%s: %s, %v; want %s", tt.name, repr(got), err, repr(tt.want))
		}
	}
	// Broken off early, the Seq's loop ends (its yield returned false).
	stopped := false
	seq := func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				stopped = true
				return
			}
		}
	}
	for v, err := range flow.Block(seq).All() {
		if err != nil || v == 2 {
			break
		}
	}
	if !stopped {
		t.Error("the Seq was not stopped")
	}
}

// A function that is not a generator, iterator or callable still fails
// with the ValueError, naming the function as Python's repr does.
func TestWrapOtherFunc(t *testing.T) {
	_, err := flow.Block(strings.ToUpper).List()
	if msg := valueRepr(err); !strings.HasPrefix(msg, "ValueError('A wrapper is not available for <function ToUpper at 0x") {
		t.Errorf("message %q", msg)
	}
}

// closerIter is an iterator with Close() error (io.Closer).
type closerIter struct {
	slowlist
	closed chan struct{}
}

func (c *closerIter) Close() error { close(c.closed); return nil }

// Threaded runs a typed iter.Seq in its thread, and closes an io.Closer
// iterator when it ends, as Wrap does.
func TestThreadedTypedSeqAndCloser(t *testing.T) {
	leakcheck.Check(t)
	r := reactor.New()
	it := &closerIter{slowlist: *newSlowlist(1, 2), closed: make(chan struct{})}
	var seqResult, closerResult any
	r.CallWhenRunning(func() {
		d1 := flow.DeferredOn(r, flow.ThreadedOn(r, slices.Values([]string{"a", "b"})))
		d2 := flow.DeferredOn(r, flow.ThreadedOn(r, it))
		deferred.GatherResults([]*deferred.Deferred{d1, d2}).AddBoth(func(res any) (any, error) {
			if l, ok := res.([]any); ok {
				seqResult, closerResult = l[0], l[1]
			} else {
				seqResult = res
			}
			return nil, r.Stop()
		})
	})
	runBounded(t, r)
	if !cmp.Equal(seqResult, any([]any{"a", "b"})) || !cmp.Equal(closerResult, any([]any{1, 2})) {
		t.Fatalf("results %s, %s", repr(seqResult), repr(closerResult))
	}
	receiveWithin(t, it.closed, "the iterator's Close") // closed by the thread, once it ended
}

// noInit is a pipe whose constructor forgot Init.
type noInit struct{ flow.Pipe }

func (*noInit) Process([]any, bool) error { return nil }

func TestPipeWithoutInit(t *testing.T) {
	_, err := flow.Block(&noInit{}).List()
	if got := valueRepr(err); got != "RuntimeError('Pipe.Init was not called',)" {
		t.Errorf("got %s", got)
	}
}

// A nil clock is the default reactor: a flow that does not suspend fires
// at once.
func TestDeferredOnNilClock(t *testing.T) {
	d := flow.DeferredOn(nil, []any{1, 2})
	if got := d.Result(); !cmp.Equal(got, any([]any{1, 2})) {
		t.Fatalf("result %s", repr(got))
	}
}

// valueRepr is the repr of the exception err stands for (a Failure's
// value).
func valueRepr(err error) string {
	if f, ok := err.(*twisted.Failure); ok {
		return twisted.Repr(f.Value)
	}
	return twisted.Repr(err)
}
