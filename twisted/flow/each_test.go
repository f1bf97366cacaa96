package flow_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// flow.Each must make the calls of the explicit protocol, in the same
// order. Each consumer below is written twice, with the explicit loop and
// with Each; its yields, the source's Next calls, the loop body and the
// controller's view are logged, and the two logs must be equal under
// Block (Next and All), and flow.Deferred, run to its end or cancelled.

// nextLogged is a stage whose Next calls are logged.
type nextLogged struct {
	flow.Stage
	l *logger
}

func (s nextLogged) Next() (any, error) {
	v, err := s.Stage.Next()
	if err != nil {
		s.l.log("next: %s", twisted.NewFailure(err).Type.Name())
	} else {
		s.l.log("next: %s", twisted.Repr(v))
	}
	return v, err
}

// loggedYield logs each yield and what it returns.
func loggedYield(l *logger, yield func(any) bool) func(any) bool {
	return func(v any) bool {
		l.log("yield %s", twisted.Repr(v))
		ok := yield(v)
		l.log("resumed %v", ok)
		return ok
	}
}

// consumeExplicit passes src's values on, doubled, with the explicit
// protocol; consumeEach with flow.Each.
func consumeExplicit(l *logger, source any, trap ...*twisted.Class) flow.Generator {
	return func(yield func(any) bool) error {
		defer l.log("consumer: closed")
		yield = loggedYield(l, yield)
		src := flow.Stage(nextLogged{flow.Wrap(source, trap...), l})
		for {
			if !yield(src) {
				break
			}
			v, err := src.Next()
			if errors.Is(err, twisted.StopIteration) {
				break
			}
			if err != nil {
				l.log("body: error %s", twisted.NewFailure(err).Type.Name())
				return err
			}
			l.log("body: %s", twisted.Repr(v))
			if !yield(twisted.Tuple{v, v}) {
				return nil
			}
		}
		l.log("consumer: after the loop")
		yield("tail")
		return nil
	}
}

func consumeEach(l *logger, source any, trap ...*twisted.Class) flow.Generator {
	return func(yield func(any) bool) error {
		defer l.log("consumer: closed")
		yield = loggedYield(l, yield)
		src := flow.Stage(nextLogged{flow.Wrap(source, trap...), l})
		for v, err := range flow.Each(yield, src) {
			if err != nil {
				l.log("body: error %s", twisted.NewFailure(err).Type.Name())
				return err
			}
			l.log("body: %s", twisted.Repr(v))
			if !yield(twisted.Tuple{v, v}) {
				return nil
			}
		}
		l.log("consumer: after the loop")
		yield("tail")
		return nil
	}
}

// runDeferred runs the flow under flow.Deferred on a Clock, advancing it
// a second at a time; cancelAt > 0 cancels the Deferred after that many.
func runDeferred(l *logger, stage any, cancelAt int) {
	clock := reactor.NewClock()
	d := flow.DeferredOn(clock, stage)
	fired := false
	d.AddBoth(func(r any) (any, error) {
		fired = true
		if f, ok := r.(*twisted.Failure); ok {
			l.log("deferred: failure %s", f.Type.Name())
			return nil, nil
		}
		l.log("deferred: %s", twisted.Repr(r))
		return nil, nil
	})
	for i := 1; !fired && i < 100; i++ {
		if i == cancelAt {
			d.Cancel()
			break
		}
		l.log("advance")
		clock.Advance(1)
	}
	l.log("done")
}

func TestEachEqualsExplicit(t *testing.T) {
	sources := map[string]func(l *logger) any{
		"values":       func(l *logger) any { return l.gen("g", 1, flow.Cooperate(1), 2, 3) },
		"list":         func(l *logger) any { return []any{"a", flow.Cooperate(1), "b", flow.Cooperate(2)} },
		"empty":        func(l *logger) any { return l.gen("g") },
		"raises":       func(l *logger) any { return l.gen("g", 1, twisted.ValueError.New("v"), 2) },
		"traps":        func(l *logger) any { return l.gen("g", 1, twisted.IOError.New("io"), 2) },
		"panics":       func(l *logger) any { return l.gen("g", 1, "panic") },
		"nested stage": func(l *logger) any { return flow.Map(l.plus, l.gen("g", 1, flow.Cooperate(1), 13)) },
		"deferred": func(l *logger) any {
			return l.gen("g", deferred.Succeed("fired"), flow.Cooperate(1), 5)
		},
	}
	type run struct {
		name string
		f    func(l *logger, g flow.Generator)
	}
	runs := []run{
		{"block next", func(l *logger, g flow.Generator) { runFlow(l, g, nil, 0, false) }},
		{"block all", func(l *logger, g flow.Generator) { runFlow(l, g, nil, 0, true) }},
		{"block all, left after 1", func(l *logger, g flow.Generator) { runFlow(l, g, nil, 1, true) }},
		{"block next, closed after 2", func(l *logger, g flow.Generator) { runFlow(l, g, nil, 2, false) }},
		{"deferred", func(l *logger, g flow.Generator) { runDeferred(l, g, 0) }},
		{"deferred, cancelled", func(l *logger, g flow.Generator) { runDeferred(l, g, 1) }},
	}
	for name, source := range sources {
		for _, r := range runs {
			for _, trap := range [][]*twisted.Class{nil, {twisted.IOError}} {
				explicit, each := &logger{}, &logger{}
				r.f(explicit, consumeExplicit(explicit, source(explicit), trap...))
				r.f(each, consumeEach(each, source(each), trap...))
				if diff := cmp.Diff(explicit.lines, each.lines); diff != "" {
					t.Errorf("%s, %s, trap %v: Each's trace differs from the explicit one (-explicit +each):\n%s", name, r.name, trap, diff)
				}
				if len(explicit.lines) < 4 {
					t.Errorf("%s, %s: trace too short: %q", name, r.name, explicit.lines)
				}
			}
		}
	}
}
