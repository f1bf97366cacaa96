package flow_test

import (
	"errors"
	"fmt"
	"iter"
	"testing"

	"gotest.tools/v3/assert"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// flakyStage yields its results one at a time, a Cooperate between them,
// and panics at its Yield number panicAt, recording each call.
type flakyStage struct {
	flow.Base
	trace   *[]string
	calls   int
	panicAt int
	left    int
}

func (s *flakyStage) Yield() flow.Instruction {
	s.calls++
	*s.trace = append(*s.trace, fmt.Sprintf("yield %d", s.calls))
	if s.calls == s.panicAt {
		panic(errors.New("stage broke"))
	}
	if s.calls%2 == 0 {
		return flow.Cooperate(0)
	}
	if s.left == 0 {
		s.Stop = true
		return nil
	}
	s.left--
	s.Results = append(s.Results, s.left)
	return nil
}

// A generator that yields a stage and reads it ("yield lines; line =
// lines.next()"): the stage's Yield runs on the generator's coroutine
// while it needs nothing of the controller, and hands over what does:
// its Cooperate reaches Block, which resumes the same stage; its panic is
// raised from the flow as from its Yield, without unwinding the
// generator, which is closed once, at the end. The calls come in the pull
// protocol's order.
func TestGeneratorYieldingStageInline(t *testing.T) {
	for _, c := range []struct {
		panicAt int
		next    bool
	}{{0, false}, {0, true}, {5, false}, {5, true}} {
		panicAt := c.panicAt
		t.Run(fmt.Sprintf("panicAt=%d,next=%v", c.panicAt, c.next), func(t *testing.T) {
			var trace []string
			stage := &flakyStage{trace: &trace, panicAt: panicAt, left: 3}
			gen := flow.Generator(func(yield func(any) bool) error {
				defer func() { trace = append(trace, "generator closed") }()
				for yield(stage) {
					v, err := stage.Next()
					if err != nil {
						return err
					}
					trace = append(trace, fmt.Sprint("got ", v))
					if !yield(v) {
						return nil
					}
				}
				return nil
			})
			var got []any
			var failure error
			block := flow.Block(gen)
			next := block.Next
			if !c.next { // push mode
				pull, stop := iter.Pull2(block.All())
				defer stop()
				next = func() (any, error) {
					v, err, ok := pull()
					if !ok {
						return nil, twisted.StopIteration.New()
					}
					return v, err
				}
			}
			for {
				v, err := next()
				if errors.Is(err, twisted.StopIteration) {
					break
				}
				if err != nil {
					failure = err
					break
				}
				got = append(got, v)
			}
			if panicAt == 0 {
				assert.NilError(t, failure)
				assert.DeepEqual(t, got, []any{2, 1, 0})
				assert.DeepEqual(t, trace, []string{
					"yield 1", "got 2", "yield 2", "yield 3", "got 1", "yield 4", "yield 5", "got 0",
					"yield 6", "yield 7", "generator closed",
				})
				return
			}
			assert.ErrorContains(t, failure, "stage broke")
			assert.DeepEqual(t, got, []any{2, 1})
			assert.DeepEqual(t, trace, []string{
				"yield 1", "got 2", "yield 2", "yield 3", "got 1", "yield 4", "yield 5", "generator closed",
			})
		})
	}
}
