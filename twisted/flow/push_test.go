package flow_test

import (
	"context"
	"fmt"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The push mode of Block.All must make every call the pull protocol
// makes, in the same order. Each flow below logs its generators' steps
// and deferred calls, its functions' calls, the sleeps and the loop body;
// it runs once through All (push mode where it applies) and once through
// Next (pull mode), and the two logs must be equal.

type logger struct{ lines []string }

var address = regexp.MustCompile(`0x[0-9a-f]+`)

func (l *logger) log(format string, a ...any) {
	l.lines = append(l.lines, address.ReplaceAllString(fmt.Sprintf(format, a...), "0x…"))
}

// gen yields the items, logging each step; an error item is returned
// (raised), "panic" panics.
func (l *logger) gen(name string, items ...any) flow.Generator {
	return func(yield func(any) bool) error {
		defer l.log("%s: closed", name)
		for i, it := range items {
			switch x := it.(type) {
			case error:
				l.log("%s: raise", name)
				return x
			case string:
				if x == "panic" {
					panic(twisted.KeyError.New("k"))
				}
			}
			l.log("%s: step %d", name, i)
			if !yield(it) {
				l.log("%s: stopped", name)
				return nil
			}
		}
		l.log("%s: end", name)
		return nil
	}
}

func (l *logger) plus(args ...any) (any, error) {
	l.log("plus %s", twisted.Repr(args[0]))
	switch v := args[0].(type) {
	case int:
		if v == 13 {
			return nil, twisted.ValueError.New("thirteen")
		}
		return v + 1, nil
	}
	return args[0], nil
}

func (l *logger) odd(v any) (bool, error) {
	l.log("odd %s", twisted.Repr(v))
	n, ok := v.(int)
	if n == 99 {
		panic("ninety-nine")
	}
	return !ok || n%2 != 0, nil
}

func TestPushEqualsPull(t *testing.T) {
	cases := map[string]func(l *logger) any{
		"filter-map-gen": func(l *logger) any {
			return flow.Filter(l.odd, flow.Map(l.plus, l.gen("g", 1, 2, 3, 4)))
		},
		"cooperate-and-nested": func(l *logger) any {
			inner := l.gen("inner", "a", flow.Cooperate(1), "b")
			outer := flow.Generator(func(yield func(any) bool) error {
				defer l.log("outer: closed")
				src := flow.Wrap(inner)
				lst := flow.Wrap([]any{"x", flow.Cooperate(2), "y"})
				for _, s := range []flow.Stage{src, lst} {
					for {
						if !yield(s) {
							return nil
						}
						v, err := s.Next()
						if err != nil {
							l.log("outer: %s", twisted.NewFailure(err).Type.Name())
							break
						}
						if !yield(flow.Cooperate(0.5)) || !yield(v) {
							return nil
						}
					}
				}
				return nil
			})
			return flow.Map(l.plus, outer)
		},
		"filter-list": func(l *logger) any {
			return flow.Filter(l.odd, []any{1, 2, flow.Cooperate(1), 3, flow.Cooperate(2), 5})
		},
		"linebreak-gen": func(l *logger) any {
			return flow.LineBreak(l.gen("g", "ab\nc", "d\ne", "f\n"), flow.LineBreakOptions{Delimiter: "\n"})
		},
		"linebreak-trailing": func(l *logger) any {
			return flow.LineBreak([]any{"ab\nc", flow.Cooperate(1), "d\ne"}, flow.LineBreakOptions{Delimiter: "\n"})
		},
		"linebreak-chain": func(l *logger) any {
			return flow.LineBreak(flow.Filter(l.odd, flow.Map(l.plus, l.gen("g", "a\n", 3, "b\nc\n"))), flow.LineBreakOptions{Delimiter: "\n"})
		},
		"gen-raises": func(l *logger) any {
			return flow.Filter(l.odd, l.gen("g", 1, 3, twisted.IOError.New("bad"), 5))
		},
		"gen-panics": func(l *logger) any { return flow.Map(l.plus, l.gen("g", 1, "panic")) },
		"map-fails":  func(l *logger) any { return flow.Filter(l.odd, flow.Map(l.plus, l.gen("g", 11, 12, 13, 14))) },
		"filter-panics": func(l *logger) any {
			return flow.Map(l.plus, flow.Filter(l.odd, l.gen("g", 1, 99, 3)))
		},
		"map-tuples":  func(l *logger) any { return flow.Map(nil, l.gen("g", 1, 2)) },
		"string":      func(l *logger) any { return flow.Map(l.plus, "text") },
		"not-wrapped": func(l *logger) any { return flow.Filter(l.odd, 5) },
		"iterator":    func(l *logger) any { return flow.Map(l.plus, newSlowlist(1, flow.Cooperate(3), 2)) },
		"unsupported-callback": func(l *logger) any {
			return flow.Map(l.plus, l.gen("g", 1, flow.Callback(), 2))
		},
		"unsupported-deferred": func(l *logger) any {
			fired := deferred.Succeed("done")
			return flow.Map(l.plus, l.gen("g", 1, fired, 2, deferred.New(), 3))
		},
		"gen-top": func(l *logger) any { return l.gen("g", 1, flow.Cooperate(1), 2) },
	}
	traps := [][]*twisted.Class{nil, {twisted.IOError, twisted.ValueError, twisted.KeyError, twisted.Exception}}
	for name, build := range cases {
		for _, trap := range traps {
			for _, stopAt := range []int{-1, 0, 1, 2} {
				push, pull := &logger{}, &logger{}
				runFlow(push, build(push), trap, stopAt, true)
				runFlow(pull, build(pull), trap, stopAt, false)
				got, want := strings.Join(push.lines, "\n"), strings.Join(pull.lines, "\n")
				if got != want {
					t.Errorf("%s (trap %v, stop at %d): push and pull differ:\n%s", name, trap, stopAt, lineDiff(want, got))
				}
			}
		}
	}
}

// runFlow consumes the flow through All (push) or Next (pull), logging
// what the loop body sees; the body breaks after stopAt results.
func runFlow(l *logger, stage any, trap []*twisted.Class, stopAt int, push bool) {
	b := flow.Block(stage, trap...)
	b.Sleep = func(s float64) { l.log("sleep %v", s) }
	n := 0
	body := func(v any, err error) bool {
		if err != nil {
			l.log("body: error %s", twisted.NewFailure(err).Error())
			return false
		}
		l.log("body: %s", twisted.Repr(v))
		n++
		return n != stopAt
	}
	if push {
		for v, err := range b.All() {
			if !body(v, err) {
				break
			}
		}
	} else {
		for {
			v, err := b.Next()
			if err != nil {
				if twisted.ClassOf(err) != twisted.StopIteration {
					body(nil, err)
				}
				break
			}
			if !body(v, nil) {
				b.Close()
				break
			}
		}
	}
	l.log("done")
}

// A panic in the loop body goes through the generators unchanged.
func TestPushConsumerPanic(t *testing.T) {
	l := &logger{}
	defer func() {
		if r := recover(); r != "body" {
			t.Errorf("recovered %v, want the body's panic", r)
		}
		if got := strings.Join(l.lines, "; "); got != "g: step 0; g: closed" {
			t.Errorf("log: %s", got)
		}
	}()
	for range flow.Block(flow.Map(nil, l.gen("g", 1, 2))).All() {
		panic("body")
	}
}

// goid returns the calling goroutine's id.
func goid() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	return strings.Fields(string(buf))[1]
}

// TestPushMode checks which flows All runs without a coroutine: there the
// generator runs on the loop's goroutine.
func TestPushMode(t *testing.T) {
	for _, c := range []struct {
		name string
		push bool
		make func(g flow.Generator) *flow.BlockStage
	}{
		{"filter-map", true, func(g flow.Generator) *flow.BlockStage {
			return flow.Block(flow.Filter(nil, flow.Map(nil, g)))
		}},
		{"linebreak", true, func(g flow.Generator) *flow.BlockStage {
			return flow.Block(flow.LineBreak(g, flow.LineBreakOptions{Trailer: true}))
		}},
		{"zip", false, func(g flow.Generator) *flow.BlockStage { return flow.Block(flow.Zip(g, []any{1})) }},
		{"merge", false, func(g flow.Generator) *flow.BlockStage { return flow.Block(flow.Merge(g)) }},
		{"context", false, func(g flow.Generator) *flow.BlockStage {
			return flow.BlockContext(context.Background(), g)
		}},
		{"pulled", false, func(g flow.Generator) *flow.BlockStage {
			b := flow.Block(flow.Map(nil, flow.Generator(func(yield func(any) bool) error {
				src := flow.Wrap(g)
				_ = yield(0) && yield(src) && yield(src.State().Results)
				return nil
			})))
			b.Next()
			return b
		}},
	} {
		var inGen string
		g := flow.Generator(func(yield func(any) bool) error {
			inGen = goid()
			yield("x")
			return nil
		})
		for range c.make(g).All() {
		}
		if push := inGen == goid(); push != c.push {
			t.Errorf("%s: push mode %v, want %v", c.name, push, c.push)
		}
	}
}

// A panic in Sleep goes on as a panic in both modes.
func TestPushSleepPanic(t *testing.T) {
	for _, push := range []bool{true, false} {
		func() {
			l := &logger{}
			defer func() {
				if r := recover(); r != "sleep" {
					t.Errorf("push %v: recovered %v, want Sleep's panic", push, r)
				}
			}()
			b := flow.Block(flow.Map(nil, l.gen("g", 1, flow.Cooperate(1), 2)))
			b.Sleep = func(float64) { panic("sleep") }
			defer b.Close()
			if push {
				for range b.All() {
				}
			} else {
				for {
					if _, err := b.Next(); err != nil {
						break
					}
				}
			}
		}()
	}
}

// runtime.Goexit in the loop body (t.FailNow does it) closes the
// generator and goes on.
func TestPushGoexit(t *testing.T) {
	l := &logger{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range flow.Block(flow.Map(nil, l.gen("g", 1, 2))).All() {
			runtime.Goexit()
		}
	}()
	receiveWithin(t, done, "the loop's goroutine to end")
	if got := strings.Join(l.lines, "; "); got != "g: step 0; g: closed" {
		t.Errorf("log: %s", got)
	}
}

// A Pipe whose source holds results and a failure together drops the
// results, as the original's Pipe._yield does (found by FuzzWrapBlock;
// flow edges failure.pipeDropsResults); Map and Block take the results
// first. Push mode, pull mode and flow.Deferred agree.
func TestPushSourceResultsAndFailure(t *testing.T) {
	build := func(outer string) any {
		calls := 0
		inner := flow.Filter(func(v any) (bool, error) {
			if calls++; calls == 3 {
				return false, twisted.IOError.New("filter failed")
			}
			return true, nil
		}, []any{1, 2, 3})
		if outer == "map" {
			return flow.Map(nil, inner)
		}
		return flow.Filter(nil, inner)
	}
	for _, c := range []struct {
		outer string
		trap  []*twisted.Class
		want  string
	}{
		{"filter", nil, "[] IOError"},
		{"filter", []*twisted.Class{twisted.IOError}, "[<type 'exceptions.IOError'>] <nil>"},
		{"map", nil, "[(1,), (2,)] IOError"},
		{"map", []*twisted.Class{twisted.IOError}, "[(1,), (2,), <type 'exceptions.IOError'>] <nil>"},
	} {
		for _, mode := range []string{"push", "pull", "deferred"} {
			var out []any
			var err error
			switch mode {
			case "push":
				out, err = flow.Block(build(c.outer), c.trap...).List()
			case "pull":
				b := flow.Block(build(c.outer), c.trap...)
				for {
					v, e := b.Next()
					if e != nil {
						if twisted.ClassOf(e) != twisted.StopIteration {
							err = e
						}
						break
					}
					out = append(out, v)
				}
			case "deferred":
				r := flowtest.Result(t, flow.DeferredOn(reactor.NewClock(), build(c.outer), c.trap...))
				if f, ok := r.(*twisted.Failure); ok {
					err = f
				} else {
					out = r.([]any)
				}
			}
			if out == nil {
				out = []any{}
			}
			got := twisted.Repr(out) + " <nil>"
			if err != nil {
				got = twisted.Repr(out) + " " + twisted.ClassOf(err).Name()
			}
			want := c.want
			if mode == "deferred" && err != nil {
				want = "[] " + twisted.ClassOf(err).Name() // an errback carries no results
			}
			if got != want {
				t.Errorf("%s over a failing Filter, trap %v, %s: %s, want %s", c.outer, c.trap, mode, got, c.want)
			}
		}
	}
}
