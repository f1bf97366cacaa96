package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Results a user can keep never change under them, as in Python: Wrap
// copies a list, Map's function may keep its args, a Pipe's Process may
// keep its batch.

func TestWrapCopiesList(t *testing.T) {
	src := []any{1, 2, 3}
	s := flow.Wrap(src)
	src[0] = "changed"
	flowtest.Check(t, blockList(t, s), "[1, 2, 3]")
	flowtest.Check(t, src, "['changed', 2, 3]")
}

func TestMapArgsKept(t *testing.T) {
	pack := func(args ...any) (any, error) { return args, nil }
	for _, push := range []bool{true, false} {
		b := flow.Block(flow.Map(pack, []any{1, 2, 3}, []any{"a", "b"}))
		out := drain(t, b, push)
		flowtest.Check(t, out, "[[1, 'a'], [2, 'b'], [3, None]]")
		b = flow.Block(flow.Map(pack, count(3)))
		flowtest.Check(t, drain(t, b, push), "[[0], [1], [2]]")
	}
	d := flow.DeferredOn(reactor.NewClock(), flow.Map(pack, []any{1, 2, 3}, []any{"a", "b"}))
	flowtest.Check(t, flowtest.Result(t, d), "[[1, 'a'], [2, 'b'], [3, None]]")
}

// batches is a Pipe that keeps each batch it is given as one result.
type batches struct{ flow.Pipe }

func (p *batches) Process(results []any, stop bool) error {
	if len(results) > 0 {
		p.Results = append(p.Results, results)
	}
	return nil
}

func TestPipeKeepsBatches(t *testing.T) {
	for _, push := range []bool{true, false} {
		p := &batches{}
		p.Init(p, count(3))
		flowtest.Check(t, drain(t, flow.Block(p), push), "[[0], [1], [2]]")
	}
}

// drain runs b through All (push mode where it applies) or Next.
func drain(t *testing.T, b *flow.BlockStage, push bool) []any {
	t.Helper()
	var out []any
	if push {
		for v, err := range b.All() {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		return out
	}
	for {
		v, err := b.Next()
		if err != nil {
			if twisted.ClassOf(err) != twisted.StopIteration {
				t.Fatal(err)
			}
			return out
		}
		out = append(out, v)
	}
}

// test_flow.py's testThreadedImmediate: a CallLater made on the
// instruction after the thread has handed everything over is called back
// at once (the original's "immediate").
func TestThreadedImmediate(t *testing.T) {
	th := flowtest.NewThreads()
	release := make(chan struct{})
	source := flow.Generator(func(yield func(any) bool) error {
		<-release
		_ = yield(5) && yield(4)
		return nil
	})
	f := flow.ThreadedOn(th, source)
	inst := f.Yield()
	if inst == nil {
		t.Fatal("Threaded ready before its thread ran")
	}
	close(release)
	th.Wait()
	for th.Pending() > 0 {
		th.RunOne()
	}
	called := false
	inst.(flow.CallLater).CallLater(func() { called = true })
	if th.Pending() != 1 {
		t.Fatalf("%d calls scheduled, want 1", th.Pending())
	}
	th.RunOne()
	if !called {
		t.Error("callable not called")
	}
	flowtest.Check(t, f.State().Results, "[5, 4]")
}
