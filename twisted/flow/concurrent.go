package flow

import (
	"fmt"
	"slices"
)

// ConcurrentStage is the stage made by [Concurrent].
type ConcurrentStage struct {
	Base
	stages []Stage
	all    []Stage
}

// ConcurrentInstruction is what [Concurrent] returns when none of its
// branches can go on: the [CallLater] instructions its branches returned,
// each distinct one once (Concurrent.Instruction). Its CallLater registers
// the callable with every one of them, so the flow is resumed once per
// instruction, and the first to fire resumes it first.
type ConcurrentInstruction struct {
	BaseInstruction
	// Inst are the distinct CallLater instructions of the branches, in
	// the order the branches returned them.
	Inst []CallLater
}

// CallLater passes callable to each of the instructions.
func (c *ConcurrentInstruction) CallLater(callable func()) {
	for _, inst := range c.Inst {
		inst.CallLater(callable)
	}
}

// PyRepr prints the instruction as Python prints a Concurrent.Instruction.
func (c *ConcurrentInstruction) PyRepr() string {
	return fmt.Sprintf("<twisted.flow.stage.Instruction instance at %p>", c)
}

// Concurrent executes stages (branches) concurrently.
//
// It returns each branch as it becomes available: its results are the
// branches that have results, and the consumer extracts the values with
// the branch's own Next. This can be used if you have N callbacks and want
// to yield and wait for the first available one that produces results.
//
//	def testconcur(*stages):          func testconcur(stages ...any) flow.Generator {
//	                                      return func(yield func(any) bool) error {
//	    both = flow.Concurrent(*stages)       both := flow.Concurrent(stages...)
//	    yield both                            if !yield(both) { return nil }
//	    for stage in both:                    for {
//	                                              v, err := both.Next()
//	                                              if err != nil { return err }
//	                                              stage := v.(flow.Stage)
//	                                              r, err := stage.Next()
//	                                              ...
//	        yield both                            if !yield(both) { return nil }
//	                                          }
//	                                      }
//	                                  }
//
// Branches are tried in turn; one that has ended leaves the rotation, and
// Concurrent stops when all have ended, or fails with the first failure.
func Concurrent(stages ...any) *ConcurrentStage {
	c := &ConcurrentStage{stages: make([]Stage, 0, len(stages))}
	for _, s := range stages {
		c.stages = append(c.stages, Wrap(s))
	}
	c.all = slices.Clone(c.stages)
	return c
}

// Yield yields the branches in turn until some have results, then returns
// with those branches as its results; if none can go on it returns a
// [ConcurrentInstruction] of their instructions.
func (c *ConcurrentStage) Yield() Instruction {
	if c.ready() {
		return nil
	}
	c.checkCycle(c)
	var later []CallLater
	var exit Stage
	for len(c.stages) > 0 {
		if c.stages[0] == exit {
			if len(c.Results) > 0 {
				return nil
			}
			break
		}
		curr := c.stages[0]
		c.stages = append(c.stages[:0], c.stages[1:]...)
		inst := c.yieldOf(curr)
		st := curr.State()
		if len(st.Results) > 0 {
			c.Results = append(c.Results, curr)
		}
		if st.Failure != nil {
			c.Failure = st.Failure
			return nil
		}
		if st.Stop {
			exit = nil
			if len(c.Results) > 0 {
				return nil
			}
			continue
		}
		c.stages = append(c.stages, curr)
		if exit == nil {
			exit = curr
		}
		if inst != nil {
			if cl, ok := inst.(CallLater); ok {
				if !slices.Contains(later, cl) {
					later = append(later, cl)
				}
				continue
			}
			c.setFailure(unsupported(inst))
			return nil
		}
	}
	if len(later) > 0 {
		return &ConcurrentInstruction{Inst: later}
	}
	c.Stop = true
	return nil
}

// Close closes every branch.
func (c *ConcurrentStage) Close() { c.closeOnce(c.all...) }

// MergeStage is the stage made by [Merge].
type MergeStage struct {
	Base
	concurrent *ConcurrentStage
}

// Merge merges two or more stages' results into a single stream, taking
// from whichever branch has results, in turn (see [Concurrent]).
//
//	def Right():                 def Left():
//	    yield "one"                  yield 1
//	    yield "two"                  yield 2
//	    yield flow.Cooperate()       yield 3
//	    yield "three"
//
//	print list(flow.Block(flow.Merge(Right, Left)))
//	# ['one', 1, 'two', 2, 3, 'three']
func Merge(stages ...any) *MergeStage {
	return &MergeStage{concurrent: Concurrent(stages...)}
}

// Yield runs the [Concurrent] of the branches and takes the results of
// those that have some.
func (m *MergeStage) Yield() Instruction {
	if m.ready() {
		return nil
	}
	c := m.concurrent
	if inst := c.Yield(); inst != nil {
		return inst
	}
	for _, s := range c.Results {
		st := s.(Stage).State()
		m.Results = append(m.Results, st.Results...)
		st.Results = nil
	}
	clear(c.Results)
	c.Results = c.Results[:0]
	if c.Stop {
		m.Stop = true
	}
	m.Failure = c.Failure
	return nil
}

// Close closes every branch.
func (m *MergeStage) Close() { m.concurrent.Close() }
