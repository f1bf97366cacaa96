package flow_test

import (
	"testing"

	"github.com/twistedflow/twistedflow/internal/flowtest"
	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// A bare generator at the root of one flow.Deferred, whose stage another
// flow also pulls: each value goes to the flow that pulled it, as in the
// pull protocol (and as when the generator had started before the first
// flow, which then runs it through a chain). The first flow's list used to
// take every value the generator yielded, whoever had resumed it, and the
// other flow got none.
func TestRootGeneratorSharedWithAnotherFlow(t *testing.T) {
	leakcheck.Check(t)
	clock := reactor.NewClock()
	s := flow.Wrap(flow.Generator(func(yield func(any) bool) error {
		for i := 1; i <= 3; i++ {
			if !yield(i) || !yield(flow.Cooperate(1)) {
				return nil
			}
		}
		return nil
	}))
	// First flow: takes 1, suspends at the first Cooperate.
	d1 := flow.DeferredOn(clock, s)
	// Second flow: resumes s from there, which yields 2, then suspends at
	// the second Cooperate; at 1 s the first flow takes 3, and then the
	// second finds s at its end.
	d2 := flow.DeferredOn(clock, flow.Generator(func(yield func(any) bool) error {
		for {
			if !yield(s) {
				return nil
			}
			v, err := s.Next()
			if err != nil {
				return nil
			}
			if !yield(twisted.Tuple{"got", v}) {
				return nil
			}
		}
	}))
	for range 3 {
		clock.Advance(1)
	}
	flowtest.Check(t, flowtest.Result(t, d1), "[1, 3]")
	flowtest.Check(t, flowtest.Result(t, d2), "[('got', 2)]")
	noCallsLeft(t, clock)
}
