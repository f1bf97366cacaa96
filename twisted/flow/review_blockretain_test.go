package flow_test

import (
	"runtime"
	"testing"
	"weak"

	"github.com/twistedflow/twistedflow/twisted/flow"
)

// drainBlock ranges over blk.All with a loop body that refers to a value
// of its own, and returns a weak pointer to that value.
//
//go:noinline
func drainBlock(t *testing.T, blk *flow.BlockStage) weak.Pointer[bigThing] {
	big := new(bigThing)
	n := 0
	for v, err := range blk.All() {
		if err != nil {
			t.Fatal(err)
		}
		n += v.(int) + int(big.b[0])
	}
	if n != 3 {
		t.Fatalf("sum %d", n)
	}
	return weak.Make(big)
}

// A Block kept after its loop has ended keeps nothing of the loop: its
// body (the function range calls, with what it refers to) is the
// caller's, as Block drops b.final.
func TestReviewBlockKeepsNoLoopBody(t *testing.T) {
	gen := func(yield func(any) bool) error {
		_ = yield(1) && yield(2)
		return nil
	}
	for _, name := range []string{"generator", "map", "filter"} {
		var stage any = flow.Generator(gen)
		switch name {
		case "map":
			stage = flow.Map(func(args ...any) (any, error) { return args[0], nil }, stage)
		case "filter":
			stage = flow.Filter(func(any) (bool, error) { return true, nil }, stage)
		}
		blk := flow.Block(stage)
		w := drainBlock(t, blk)
		if !gone(w) {
			t.Errorf("%s: the Block keeps its loop's body", name)
		}
		runtime.KeepAlive(blk)
	}
}
