package flow_test

import (
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// flow.Deferred's fast paths (a root generator's plain values batched
// into the results without a coroutine switch each, a root list written
// straight into them) must make every call the pull protocol makes, in
// the same order: each flow below runs under flow.DeferredOn on a Clock,
// and pulled one value at a time by Block.Next; the logs of the
// generators, functions and waits must be equal, and the Deferred's
// results those the loop body saw (an errback carries no results: then
// the failures must be the same).
func TestDeferredEqualsPull(t *testing.T) {
	cases := map[string]func(l *logger) any{
		"gen":      func(l *logger) any { return l.gen("g", 1, flow.Cooperate(1), 2, 3, flow.Cooperate(2), 4) },
		"gen-held": func(l *logger) any { return flow.Wrap(l.gen("g", 1, flow.Cooperate(1), 2, 3)) },
		"gen-raises": func(l *logger) any {
			return l.gen("g", 1, flow.Cooperate(1), twisted.IOError.New("bad"), 5)
		},
		"gen-panics": func(l *logger) any { return l.gen("g", 1, 2, "panic") },
		"gen-nested": func(l *logger) any {
			inner := l.gen("inner", "a", flow.Cooperate(1), "b")
			return flow.Generator(func(yield func(any) bool) error {
				defer l.log("outer: closed")
				src := flow.Wrap(inner)
				for {
					if !yield(src) {
						return nil
					}
					v, err := src.Next()
					if err != nil {
						return err
					}
					l.log("outer: got %s", twisted.Repr(v))
					if !yield(v) || !yield(flow.Cooperate(0.5)) {
						return nil
					}
				}
			})
		},
		"gen-fired-deferred": func(l *logger) any {
			return l.gen("g", 1, deferred.Succeed("done"), 2)
		},
		"list":      func(l *logger) any { return []any{1, 2, flow.Cooperate(1), 3, flow.Cooperate(2), 5} },
		"list-held": func(l *logger) any { return flow.Wrap([]any{1, flow.Cooperate(1), 2}) },
		"filter-map-gen": func(l *logger) any {
			return flow.Filter(l.odd, flow.Map(l.plus, l.gen("g", 1, 2, flow.Cooperate(1), 3, 4)))
		},
		"map-fails": func(l *logger) any { return flow.Map(l.plus, l.gen("g", 11, 12, 13, 14)) },
		"linebreak-gen": func(l *logger) any {
			return flow.LineBreak(l.gen("g", "ab\nc", flow.Cooperate(1), "d\ne", "f\n"), flow.LineBreakOptions{Delimiter: "\n"})
		},
	}
	traps := [][]*twisted.Class{nil, {twisted.IOError, twisted.ValueError, twisted.KeyError}}
	for name, build := range cases {
		for _, trap := range traps {
			dl, pl := &logger{}, &logger{}
			runDeferredFlow(dl, build(dl), trap)
			runFlow(pl, build(pl), trap, -1, false)
			got, want := strings.Join(dl.lines, "\n"), strings.Join(bodyLast(pl.lines), "\n")
			if got != want {
				t.Errorf("%s (trap %v): flow.Deferred and pull differ:\n%s", name, trap, lineDiff(want, got))
			}
		}
	}
}

// runDeferredFlow runs the flow under flow.DeferredOn on a Clock, logging
// each wait as Block's Sleep does, then the results as the loop body of
// runFlow logs them.
func runDeferredFlow(l *logger, stage any, trap []*twisted.Class) {
	clock := reactor.NewClock()
	d := flow.DeferredOn(clock, stage, trap...)
	var res any
	fired := false
	d.AddBoth(func(r any) (any, error) {
		res, fired = r, true
		return nil, nil
	})
	for !fired {
		calls := clock.GetDelayedCalls()
		if len(calls) == 0 {
			l.log("never fired")
			return
		}
		delay := calls[0].GetTime() - clock.Seconds()
		l.log("sleep %v", delay)
		clock.Advance(delay)
	}
	if f, ok := res.(*twisted.Failure); ok {
		l.log("body: error %s", f.Error())
	} else {
		for _, v := range res.([]any) {
			l.log("body: %s", twisted.Repr(v))
		}
	}
	l.log("done")
}

// bodyLast moves the loop body's lines of a pull run after the others
// (before "done"), in their order, as flow.Deferred delivers its results
// at the end; an error drops the results before it, as an errback does.
func bodyLast(lines []string) []string {
	var other, body []string
	for _, line := range lines {
		switch {
		case line == "done":
		case strings.HasPrefix(line, "body: error "):
			body = append(body[:0], line)
		case strings.HasPrefix(line, "body: "):
			body = append(body, line)
		default:
			other = append(other, line)
		}
	}
	return append(append(other, body...), "done")
}

// TestDeferredPushMode checks which flows flow.Deferred runs as one
// coroutine: there a Map's function runs on the generator's goroutine.
func TestDeferredPushMode(t *testing.T) {
	for _, c := range []struct {
		name string
		push bool
		make func(g flow.Generator, fn func(...any) (any, error)) any
	}{
		{"map", true, func(g flow.Generator, fn func(...any) (any, error)) any { return flow.Map(fn, g) }},
		{"filter-map", true, func(g flow.Generator, fn func(...any) (any, error)) any {
			return flow.Filter(nil, flow.Map(fn, g))
		}},
		{"held", true, func(g flow.Generator, fn func(...any) (any, error)) any { return flow.Map(fn, flow.Wrap(g)) }},
		{"zip", false, func(g flow.Generator, fn func(...any) (any, error)) any { return flow.Map(fn, flow.Zip(g, []any{1})) }},
		{"merge", false, func(g flow.Generator, fn func(...any) (any, error)) any { return flow.Map(fn, flow.Merge(g)) }},
	} {
		var inGen, inFn string
		g := flow.Generator(func(yield func(any) bool) error {
			inGen = goid()
			_ = yield(flow.Cooperate(0)) && yield("x")
			return nil
		})
		fn := func(args ...any) (any, error) {
			inFn = goid()
			return args[0], nil
		}
		clock := reactor.NewClock()
		d := flow.DeferredOn(clock, c.make(g, fn))
		clock.Advance(0)
		flowtest.Result(t, d)
		if push := inGen == inFn; push != c.push {
			t.Errorf("%s: push mode %v, want %v", c.name, push, c.push)
		}
	}
}
