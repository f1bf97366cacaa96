package flow_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// Randomised flows, the same seeds on every run: push mode against pull
// mode (Block), and flow.Deferred's batching of a root generator against
// the same generator under a one-branch Merge, which is not batched.

// randomItems returns what a random generator yields: values, Cooperates,
// nested stages, and maybe a failure at the end.
func randomItems(r *rand.Rand, depth int) []any {
	n := r.IntN(8)
	items := make([]any, 0, n+1)
	for range n {
		switch k := r.IntN(10); {
		case k < 5:
			items = append(items, r.IntN(30))
		case k < 7:
			items = append(items, flow.Cooperate(float64(r.IntN(3))/4))
		case k < 8 && depth < 2:
			items = append(items, nestedMarker{randomItems(r, depth+1)})
		case k < 9:
			items = append(items, fmt.Sprintf("s%d\n", r.IntN(5)))
		default:
			items = append(items, []any{r.IntN(5), flow.Cooperate(0.25), r.IntN(5)})
		}
	}
	if r.IntN(4) == 0 {
		items = append(items, twisted.IOError.New("late"))
	}
	return items
}

// nestedMarker makes the generator wrap the items as a nested generator,
// yield it and pull one value from it.
type nestedMarker struct{ items []any }

func (l *logger) randomGen(name string, items []any) flow.Generator {
	return func(yield func(any) bool) error {
		defer l.log("%s: closed", name)
		for i, it := range items {
			l.log("%s: step %d", name, i)
			switch x := it.(type) {
			case error:
				return x
			case nestedMarker:
				src := flow.Wrap(l.randomGen(fmt.Sprintf("%s.%d", name, i), x.items))
				if !yield(src) {
					return nil
				}
				v, err := src.Next()
				l.log("%s: nested %s %v", name, twisted.Repr(v), err != nil)
				if err == nil && !yield(v) {
					return nil
				}
				continue
			case []any:
				src := flow.Wrap(x)
				if !yield(src) {
					return nil
				}
				v, _ := src.Next()
				it = v
			}
			if !yield(it) {
				return nil
			}
		}
		return nil
	}
}

func TestRandomPushEqualsPull(t *testing.T) {
	seeds := uint64(1000)
	if testing.Short() {
		seeds = 100
	}
	for seed := range seeds {
		build := func(l *logger) any {
			r := rand.New(rand.NewPCG(seed, 1))
			var stage any = l.randomGen("g", randomItems(r, 0))
			if r.IntN(3) == 0 { // a list: batches of several results
				var items []any
				for range r.IntN(8) {
					switch k := r.IntN(6); k {
					case 0:
						items = append(items, flow.Cooperate(0.5))
					case 1:
						items = append(items, []int{13, 99}[r.IntN(2)]) // plus fails, odd panics
					default:
						items = append(items, r.IntN(20))
					}
				}
				stage = items
			}
			for range r.IntN(4) {
				switch r.IntN(3) {
				case 0:
					stage = flow.Map(l.plus, stage)
				case 1:
					stage = flow.Filter(l.odd, stage)
				default:
					stage = flow.LineBreak(stage, flow.LineBreakOptions{Delimiter: "\n", Trailer: r.IntN(2) == 0})
				}
			}
			return stage
		}
		r := rand.New(rand.NewPCG(seed, 2))
		stopAt := r.IntN(6) - 1
		var trap []*twisted.Class
		if r.IntN(2) == 0 {
			trap = []*twisted.Class{twisted.IOError, twisted.ValueError}
		}
		push, pull := &logger{}, &logger{}
		runFlow(push, build(push), trap, stopAt, true)
		runFlow(pull, build(pull), trap, stopAt, false)
		if got, want := strings.Join(push.lines, "\n"), strings.Join(pull.lines, "\n"); got != want {
			t.Errorf("seed %d: push and pull differ:\n%s", seed, lineDiff(want, got))
		}
	}
}

func TestRandomDeferredBatch(t *testing.T) {
	for seed := range uint64(300) {
		run := func(merge bool) string {
			l := &logger{}
			clock := reactor.NewClock()
			r := rand.New(rand.NewPCG(seed, 3))
			items := randomItems(r, 0)
			if r.IntN(3) == 0 {
				d := deferred.New()
				clock.CallLater(0.5, func() { d.Callback("fired") })
				items = append([]any{d}, items...)
			}
			var stage any = l.randomGen("g", items)
			if merge {
				stage = flow.Merge(stage)
			}
			d := flow.DeferredOn(clock, stage, twisted.IOError)
			d.AddBoth(func(res any) (any, error) {
				l.log("result %s", twisted.Repr(res))
				return nil, nil
			})
			for range 100 {
				if d.Called() {
					break
				}
				l.log("advance")
				clock.Advance(0.25)
			}
			return strings.Join(l.lines, "\n")
		}
		if got, want := run(false), run(true); got != want {
			t.Errorf("seed %d: root generator and Merge(generator) differ:\n%s", seed, lineDiff(want, got))
		}
	}
}

// randomProtocolEvents returns what happens to a random flow protocol's
// connection: lines of tokens its functions act on (see echo, keep,
// lineGen), cut into chunks anywhere, with clock advances and drains of
// its transport between them, and maybe a lost connection.
func randomProtocolEvents(r *rand.Rand) []protoEvent {
	tokens := []string{"a", "b", "c", "w", "coop", "wait", "skip", "13", "99", "bad", "boom", "raise", "panic", "quit", "PANIC", "spanic"}
	var text strings.Builder
	for range r.IntN(12) {
		if r.IntN(3) == 0 {
			text.WriteString(tokens[r.IntN(len(tokens))])
		} else {
			text.WriteString(tokens[r.IntN(3)])
		}
		text.WriteString("\n")
	}
	if r.IntN(3) == 0 {
		text.WriteString("tail")
	}
	s := text.String()
	var events []protoEvent
	for len(s) > 0 {
		n := 1 + r.IntN(min(len(s), 8))
		events = append(events, data(s[:n]))
		s = s[n:]
		for r.IntN(3) == 0 {
			if r.IntN(2) == 0 {
				events = append(events, advance(float64(r.IntN(3))/4))
			} else {
				events = append(events, drainEvent)
			}
		}
	}
	switch r.IntN(5) {
	case 0:
		events = append(events, protoEvent{kind: "lost"})
	case 1:
		events = append(events, protoEvent{kind: "other"})
	}
	return events
}

func TestRandomProtocolPushEqualsPull(t *testing.T) {
	seeds := uint64(1000)
	if testing.Short() {
		seeds = 100
	}
	for seed := range seeds {
		build := func(l *logger, conn *flow.Protocol) any {
			r := rand.New(rand.NewPCG(seed, 1))
			var stage any = conn
			for range r.IntN(4) {
				switch r.IntN(3) {
				case 0:
					stage = flow.Map(l.echo(conn), stage)
				case 1:
					stage = flow.Filter(l.keep, stage)
				default:
					stage = flow.LineBreak(stage, flow.LineBreakOptions{Delimiter: "\n", Trailer: r.IntN(2) == 0})
				}
			}
			switch r.IntN(4) {
			case 0:
				stage = l.lineGen(conn, flow.Wrap(stage))
			case 1:
				stage = flow.Map(l.echo(conn), l.lineGen(conn, flow.Wrap(stage)))
			case 2:
				stage = l.endless(conn, r.IntN(25))
			}
			return stage
		}
		r := rand.New(rand.NewPCG(seed, 2))
		events := randomProtocolEvents(r)
		limit := []int{0, 1, 5, 20}[r.IntN(4)]
		var options []flow.ProtocolOption
		if r.IntN(2) == 0 {
			options = append(options, flow.FinishOnConnectionLost(false), flow.Trap(reactor.ConnectionLost))
		}
		push, pull := &logger{}, &logger{}
		runProtocolFlow(push, build, events, limit, false, options...)
		runProtocolFlow(pull, build, events, limit, true, options...)
		if got, want := strings.Join(push.lines, "\n"), strings.Join(pull.lines, "\n"); got != want {
			t.Errorf("seed %d: push and pull differ:\n%s", seed, lineDiff(want, got))
		}
	}
}
