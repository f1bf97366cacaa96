package flow_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// TestOrders runs testdata/python/orders.py's scenarios and compares the
// trace with the one the original printed (orders.golden): the orderings
// that depend on which wake-ups Merge, Zip, Concurrent, Callback and
// Deferreds register.
func TestOrders(t *testing.T) {
	clock := reactor.NewClock()
	var b strings.Builder
	out := func(args ...any) {
		s := make([]string, len(args))
		for i, a := range args {
			if f, ok := a.(*twisted.Failure); ok {
				a = f.In2009() // the original's repr of a Failure
			}
			s[i] = twisted.Repr(a)
		}
		fmt.Fprintf(&b, "%.2f %s\n", clock.Seconds(), strings.Join(s, " "))
	}
	run := func(name string, stage any, trap ...*twisted.Class) {
		fmt.Fprintf(&b, "== %s\n", name)
		d := flow.DeferredOn(clock, stage, trap...)
		d.AddBoth(func(r any) (any, error) {
			out("result", r)
			return nil, nil
		})
		for range 200 {
			if d.Called() {
				break
			}
			clock.Advance(0.25)
		}
	}
	branch := func(name string, n int, timeout float64) flow.Generator {
		return func(yield func(any) bool) error {
			for i := range n {
				out("step", name, i)
				if !yield(flow.Cooperate(timeout)) || !yield(fmt.Sprintf("%s%d", name, i)) {
					return nil
				}
			}
			return nil
		}
	}

	run("merge-same", flow.Merge(branch("a", 3, 0), branch("b", 3, 0)))
	run("merge-timeouts", flow.Merge(branch("a", 3, 1), branch("b", 3, 0.5)))
	run("zip-timeouts", flow.Zip(branch("a", 2, 1), branch("b", 3, 0.5)))
	run("merge-three", flow.Merge(branch("a", 2, 0), []any{1, flow.Cooperate(0.5), 2}, branch("c", 2, 0.25)))

	consumer := func(stage any) flow.Generator {
		return func(yield func(any) bool) error {
			stage := flow.Wrap(stage)
			if !yield(stage) {
				return nil
			}
			for {
				v, err := stage.Next()
				if err != nil {
					return err
				}
				out("got", v)
				if !yield(v) || !yield(flow.Cooperate(0.5)) || !yield(stage) {
					return nil
				}
			}
		}
	}
	run("consumer-merge", consumer(flow.Merge(branch("a", 2, 0), branch("b", 2, 1))))

	concur := flow.Generator(func(yield func(any) bool) error {
		a := flow.Wrap(branch("a", 2, 0.5))
		b := flow.Wrap(branch("b", 2, 0.25))
		both := flow.Concurrent(a, b)
		if !yield(both) {
			return nil
		}
		for {
			v, err := both.Next()
			if err != nil {
				return err
			}
			s := v.(flow.Stage)
			if s == a {
				out("ready", "a")
			} else {
				out("ready", "b")
			}
			r, err := s.Next()
			if err != nil {
				return err
			}
			if !yield(r) || !yield(both) {
				return nil
			}
		}
	})
	run("concurrent", concur)

	waiter := func(d *deferred.Deferred) flow.Generator {
		return func(yield func(any) bool) error {
			out("waiting")
			if !yield(d) {
				return nil
			}
			out("fired")
			yield("after")
			return nil
		}
	}
	d1 := deferred.New()
	clock.CallLater(1, func() { d1.Callback("one") })
	run("deferred-yield", flow.Merge(waiter(d1), branch("x", 3, 0.5)))
	d2 := deferred.New()
	clock.CallLater(1, func() { d2.Callback("two") })
	run("deferred-wrap", flow.Merge(d2, branch("y", 2, 0.75)))

	failing := func() flow.Generator {
		return func(yield func(any) bool) error {
			if !yield(1) || !yield(flow.Cooperate(0.5)) {
				return nil
			}
			return twisted.IOError.New("late")
		}
	}
	run("merge-failure", flow.Merge(failing(), branch("z", 3, 0.25)))
	run("merge-trap", flow.Merge(failing(), branch("z", 3, 0.25)), twisted.IOError)

	cb := flow.Callback()
	clock.CallLater(0.5, func() { cb.Result("p") })
	clock.CallLater(1.0, func() { cb.Result("q") })
	clock.CallLater(1.5, cb.Finish)
	run("callback-merge", flow.Merge(cb, branch("w", 3, 0.5)))

	rootgen := func() flow.Generator {
		return func(yield func(any) bool) error {
			out("start")
			if !yield(1) || !yield(2) || !yield(flow.Cooperate(0.5)) {
				return nil
			}
			out("after coop")
			if !yield(3) {
				return nil
			}
			d := deferred.New()
			clock.CallLater(1, func() { d.Callback("x") })
			if !yield(d) {
				return nil
			}
			out("after d")
			s := flow.Wrap([]any{"a", flow.Cooperate(0.25), "b"})
			if !yield(s) {
				return nil
			}
			v, _ := s.Next()
			out("got", v)
			if !yield(4) || !yield(s) {
				return nil
			}
			v, _ = s.Next()
			out("got", v)
			return twisted.IOError.New("end")
		}
	}
	run("root-gen", rootgen(), twisted.IOError)
	run("root-gen-fail", rootgen())

	want, err := os.ReadFile("testdata/python/orders.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("trace differs from the original's:\n%s", lineDiff(string(want), got))
	}
}

// lineDiff shows the lines of want and got side by side where they differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		mark := "  "
		if wl != gl {
			mark = "! "
		}
		fmt.Fprintf(&b, "%s%-45s | %s\n", mark, wl, gl)
	}
	return b.String()
}

// TestDeferredWaitOnce is testdata/python/deferred_wait.py, a deviation:
// the original registers a wake-up on the Deferred each time the flow
// yields it unfired (here four, which run steps y5 to y7 at once when it
// fires) and leaves None as its result (deferred_wait.golden). Here the
// flow waits on it once, and the steps keep their Cooperate pace.
func TestDeferredWaitOnce(t *testing.T) {
	clock := reactor.NewClock()
	var b strings.Builder
	out := func(args ...any) {
		s := make([]string, len(args))
		for i, a := range args {
			s[i] = twisted.Repr(a)
		}
		fmt.Fprintf(&b, "%.2f %s\n", clock.Seconds(), strings.Join(s, " "))
	}
	branch := flow.Generator(func(yield func(any) bool) error {
		for i := range 8 {
			out("step", "y", i)
			if !yield(flow.Cooperate(0.25)) || !yield(fmt.Sprintf("y%d", i)) {
				return nil
			}
		}
		return nil
	})
	d := deferred.New()
	clock.CallLater(1, func() { d.Callback("v") })
	f := flow.DeferredOn(clock, flow.Merge(d, branch))
	f.AddBoth(func(r any) (any, error) { out("result", r); return nil, nil })
	d.AddBoth(func(r any) (any, error) { out("d result", r); return nil, nil })
	for range 20 {
		clock.Advance(0.25)
	}
	want := `0.00 'step' 'y' 0
0.25 'step' 'y' 1
0.50 'step' 'y' 2
0.75 'step' 'y' 3
1.00 'step' 'y' 4
1.00 'd result' 'v'
1.00 'step' 'y' 5
1.25 'step' 'y' 6
1.25 'step' 'y' 7
1.50 'result' ['y0', 'y1', 'y2', 'v', 'y3', 'y4', 'y5', 'y6', 'y7']
`
	if got := b.String(); got != want {
		t.Errorf("trace:\n%s", lineDiff(want, got))
	}
}
