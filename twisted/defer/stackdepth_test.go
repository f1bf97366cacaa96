package deferred

import "testing"

// stackDepth counts every frame however deep the stack is (a recursion
// 100,000 calls deep adds 100,000), so that TestBoundedStackDepth sees a
// chain's depth grow however far it grows, and it allocates nothing for a
// shallow stack: a test or benchmark may call it at each step.
func TestStackDepth(t *testing.T) {
	var recurse func(n int) int
	recurse = func(n int) int {
		if n == 0 {
			return stackDepth()
		}
		return recurse(n-1) + 0 // not a tail call
	}
	if a, b := recurse(0), recurse(100_000); b-a != 100_000 {
		t.Errorf("depth %d at the bottom of a recursion 100,000 deep, %d at its top", b, a)
	}
	if allocs := testing.AllocsPerRun(10, func() { _ = stackDepth() }); allocs != 0 {
		t.Errorf("stackDepth allocated %v times", allocs)
	}
}
