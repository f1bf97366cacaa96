package flow_test

import (
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A generator that closes its own stage from inside and goes on, under a
// chain (Map, Filter) that flow.Deferred, Block or a flow Protocol runs
// in push mode: the chain ends as pulling ends it. Pull mode is the
// reference (TestCloseOwnStageFromInsideGenerator, genIter.Close): the
// generator's next yield reports false, what it yielded is not taken (the
// chain's functions never see it), its deferred calls run, and the flow
// ends with the results taken before the close. The chain used to be
// resumed for ever once its generator had ended (flow.Deferred never
// fired), and to keep the value yielded after the close; Block.All kept
// it too, and went on calling the Next of an iterator that had closed its
// stage.
//
// The 2009 original has no Stage.close (a Go addition); its two ways for
// a generator to end its own stage from inside both keep that value
// (testdata/python/selfclose.py, .golden):
//
//	generator close: called=True result=[1, 2] trace=['f1', 'close raised ValueError: generator already executing', 'close', 'f2', 'after 2', 'closed']
//	stage stop: called=True result=[1, 2] trace=['f1', 'close', 'f2']
//
// Go: result [1] trace ['f1', 'close', 'yield false', 'closed'] (PORTING.md's
// flow Deviations: Close means the stage takes nothing more).
func TestCloseOwnStageFromInsideChain(t *testing.T) {
	leakcheck.Check(t)
	keep := func(any) (bool, error) { return true, nil }
	flows := map[string]func(trace *[]string, s flow.Stage) flow.Stage{
		"map":        func(trace *[]string, s flow.Stage) flow.Stage { return flow.Map(traced(trace), s) },
		"filter":     func(trace *[]string, s flow.Stage) flow.Stage { return flow.Filter(keep, s) },
		"filter-map": func(trace *[]string, s flow.Stage) flow.Stage { return flow.Filter(keep, flow.Map(traced(trace), s)) },
	}
	sources := map[string]func(trace *[]string) flow.Stage{
		"generator": selfClosing,
		// An iterator's value from the Next that closes its stage is
		// taken, and Next is called no more: one value that push mode
		// hands up by item (plain), one by the source's handler.
		"iterator":         func(trace *[]string) flow.Stage { return selfClosingIter(trace, 2) },
		"iterator-handled": func(trace *[]string) flow.Stage { return selfClosingIter(trace, uint(2)) },
	}
	// The pull protocol's own outcomes: genIter.Close's, and an
	// iterator's value taken before its stage ends (iterStage.Yield).
	pinned := map[string]selfCloseOutcome{
		"map over generator": {"[1]", "['f1', 'close', 'yield false', 'closed']"},
		"map over iterator":  {"[1, 2]", "['f1', 'close', 'f2']"},
	}
	for fname, buildFlow := range flows {
		for sname, source := range sources {
			name := fname + " over " + sname
			build := func(trace *[]string) flow.Stage { return buildFlow(trace, source(trace)) }
			pull := checkSelfClose(t, name, build)
			if want, ok := pinned[name]; ok && pull != want {
				t.Errorf("pull %s: got %+v, want %+v", name, pull, want)
			}
		}
	}
}

// checkSelfClose runs the flow build makes in push mode (flow.Deferred's
// chain, Block.List) and under a generator's Each, and fails the test
// unless each gives what pull mode gives, which it returns.
func checkSelfClose(t *testing.T, name string, build func(trace *[]string) flow.Stage) selfCloseOutcome {
	t.Helper()
	pull := selfCloseRun(t, "pull "+name, func(trace *[]string) any {
		clock := reactor.NewClock()
		d := flow.DeferredOn(clock, pulledStage{build(trace)})
		return deferredTurns(d, clock)
	})
	runs := map[string]func(trace *[]string) any{
		"flow.Deferred": func(trace *[]string) any {
			clock := reactor.NewClock()
			d := flow.DeferredOn(clock, build(trace))
			return deferredTurns(d, clock)
		},
		"Block.List": func(trace *[]string) any {
			b := flow.Block(build(trace))
			noSleep(b)
			l, err := b.List()
			return twisted.Tuple{l, err}
		},
		"Each": func(trace *[]string) any {
			clock := reactor.NewClock()
			d := flow.DeferredOn(clock, flow.Generator(func(yield func(any) bool) error {
				for v, err := range flow.Each(yield, build(trace)) {
					if err != nil || !yield(v) {
						return err
					}
				}
				return nil
			}))
			return deferredTurns(d, clock)
		},
	}
	for how, run := range runs {
		got := selfCloseRun(t, how+" "+name, run)
		want := pull
		if how == "Block.List" {
			want.result = "(" + pull.result + ", None)"
		}
		if got != want {
			t.Errorf("%s %s: got %+v, want %+v (pull mode)", how, name, got, want)
		}
	}
	return pull
}

// A flow Protocol whose flow is a Map over a generator that closes its own
// stage: it writes what pulling writes, and closes its connection.
func TestCloseOwnStageFromInsideProtocolChain(t *testing.T) {
	leakcheck.Check(t)
	runProtocol := func(pulled bool) func(trace *[]string) any {
		return func(trace *[]string) any {
			clock := reactor.NewClock()
			p := flow.MakeProtocolOn(clock, func(conn *flow.Protocol) any {
				m := flow.Map(func(args ...any) (any, error) {
					*trace = append(*trace, "f"+repr(args[0]))
					return repr(args[0]), nil
				}, selfClosing(trace))
				if pulled {
					return pulledStage{m}
				}
				return m
			})()
			tr := connect(p)
			for turn := 0; turn < 5 && !tr.lost; turn++ {
				clock.Advance(1)
			}
			return twisted.Tuple{tr.written, tr.lost}
		}
	}
	pull := selfCloseRun(t, "protocol pull", runProtocol(true))
	push := selfCloseRun(t, "protocol chain", runProtocol(false))
	if push != pull {
		t.Errorf("protocol chain: got %+v, want %+v (pull mode)", push, pull)
	}
	if want := (selfCloseOutcome{"(['1'], True)", "['f1', 'close', 'yield false', 'closed']"}); pull != want {
		t.Errorf("protocol pull: got %+v, want %+v", pull, want)
	}
}

// pulledStage runs a Map or Filter in pull mode: a type embedding the
// stage is not a chain (canPush), so the controllers pull it.
type pulledStage struct{ flow.Stage }

// selfClosing is a generator's stage that yields 1 and a Cooperate, closes
// its own stage, yields 2, and records what it sees.
func selfClosing(trace *[]string) flow.Stage {
	var s flow.Stage
	s = flow.Wrap(flow.Generator(func(yield func(any) bool) error {
		defer func() { *trace = append(*trace, "closed") }()
		if !yield(1) || !yield(flow.Cooperate(1)) {
			return nil
		}
		s.Close()
		*trace = append(*trace, "close")
		if !yield(2) {
			*trace = append(*trace, "yield false")
			return nil
		}
		*trace = append(*trace, "after 2")
		return nil
	}))
	return s
}

// selfClosingIter is an iterator's stage: its Next gives 1, then closes
// the stage and gives closing, then 3.
func selfClosingIter(trace *[]string, closing any) flow.Stage {
	it := &stageCloserIter{closing: closing, trace: trace}
	it.stage = flow.Wrap(it)
	return it.stage
}

type stageCloserIter struct {
	n       int
	stage   flow.Stage
	closing any
	trace   *[]string
}

func (it *stageCloserIter) Next() (any, error) {
	it.n++
	switch it.n {
	case 1:
		return 1, nil
	case 2:
		it.stage.Close()
		*it.trace = append(*it.trace, "close")
		return it.closing, nil
	case 3:
		return 3, nil
	}
	return nil, twisted.StopIteration.New()
}

// traced is a Map's function that records each value.
func traced(trace *[]string) func(args ...any) (any, error) {
	return func(args ...any) (any, error) {
		*trace = append(*trace, "f"+repr(args[0]))
		return args[0], nil
	}
}

// deferredTurns advances clock at most five turns, until d fires, and
// returns what it fired with.
func deferredTurns(d *deferred.Deferred, clock *reactor.Clock) any {
	for turn := 0; turn < 5 && !d.Called(); turn++ {
		clock.Advance(1)
	}
	var got any = "not fired"
	d.AddBoth(func(r any) (any, error) {
		got = r
		return nil, nil
	})
	return got
}

// A selfCloseOutcome is what a run gave and the trace of its calls, as
// Python reprs.
type selfCloseOutcome struct{ result, trace string }

// selfCloseRun runs run, which ends within five turns of its clock, on a
// goroutine of its own, and returns its outcome. A flow resumed for ever
// spins inside one turn, which no clock can bound: the test fails after
// runBound (receiveWithin), leaving that goroutine spinning.
func selfCloseRun(t *testing.T, name string, run func(trace *[]string) any) selfCloseOutcome {
	t.Helper()
	done := make(chan selfCloseOutcome, 1)
	go func() {
		var trace []string
		r := run(&trace)
		done <- selfCloseOutcome{repr(r), repr(trace)}
	}()
	return receiveWithin(t, done, name+"'s flow to end (it is resumed for ever)")
}
