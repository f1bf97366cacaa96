package flow_test

import (
	"slices"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

// slowlist is test_flow.py's slowlist: a list as an iterator, without the
// shortcuts of a wrapped list.
type slowlist struct{ list []any }

func newSlowlist(list ...any) *slowlist { return &slowlist{list: slices.Clone(list)} }

func (s *slowlist) Next() (any, error) {
	if len(s.list) > 0 {
		v := s.list[0]
		s.list = s.list[1:]
		return v, nil
	}
	return nil, twisted.StopIteration.New()
}

func onetwothree() []any { return []any{"one", "two", flow.Cooperate(0), "three"} }

// producer is test_flow.py's producer, in the state pattern.
type producer struct {
	lst, nam flow.Stage
	state    int
}

func (p *producer) Iter() (flow.Iterator, error) {
	p.lst = flow.Wrap(newSlowlist(1, 2, 3))
	p.nam = flow.Wrap(newSlowlist(onetwothree()...))
	return p, nil
}

func (p *producer) Next() (any, error) {
	switch p.state {
	case 0:
		p.state = 1
		return p.lst, nil
	case 1:
		p.state = 2
		return p.nam, nil
	}
	p.state = 0
	a, err := p.lst.Next()
	if err != nil {
		return nil, err
	}
	b, err := p.nam.Next()
	if err != nil {
		return nil, err
	}
	return twisted.Tuple{a, b}, nil
}

// consumer is test_flow.py's consumer, in the state pattern.
type consumer struct {
	title, lst flow.Stage
	state      int
}

func (c *consumer) Iter() (flow.Iterator, error) {
	c.title = flow.Wrap([]any{"Title"})
	c.lst = flow.Wrap(&producer{})
	return c, nil
}

func (c *consumer) Next() (any, error) {
	switch c.state {
	case 0:
		c.state = 1
		return c.title, nil
	case 1:
		c.state = 2
		return c.title.Next()
	case 2:
		c.state = 3
		return c.lst, nil
	}
	c.state = 2
	return c.lst.Next()
}

func newConsumer() *consumer { return &consumer{} }

// badgen yields 'x', then divides by zero.
func badgen() flow.Generator {
	return func(yield func(any) bool) error {
		if !yield("x") {
			return nil
		}
		zero := 0
		_ = 3 / zero
		return nil
	}
}

// buildlist collects its source into one list.
func buildlist(src flow.Stage) flow.Generator {
	return func(yield func(any) bool) error {
		var out []any
		if !yield(src) {
			return nil
		}
		for {
			itm, err := src.Next()
			if err != nil {
				if twisted.ClassOf(err) == twisted.StopIteration {
					break
				}
				return err
			}
			out = append(out, itm)
			if !yield(src) {
				return nil
			}
		}
		yield(out)
		return nil
	}
}

// noSleep runs a Block without waiting, recording the sleeps asked for.
func noSleep(b *flow.BlockStage) *[]float64 {
	var slept []float64
	b.Sleep = func(s float64) { slept = append(slept, s) }
	return &slept
}

func blockList(t *testing.T, stage any, trap ...*twisted.Class) []any {
	t.Helper()
	b := flow.Block(stage, trap...)
	noSleep(b)
	out, err := b.List()
	if err != nil {
		t.Fatalf("Block(...).List(): %v", err)
	}
	return out
}

func repr(v any) string { return twisted.Repr(v) }

// noCallsLeft fails t if calls are still pending on clock: a flow that
// ended must leave no wake-up behind.
func noCallsLeft(t *testing.T, clock *reactor.Clock) {
	t.Helper()
	if n := len(clock.GetDelayedCalls()); n != 0 {
		t.Errorf("%d calls left on the clock", n)
	}
}
