package flow_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// FuzzWrapBlock decodes the fuzz bytes into a small tree of flow stages
// (lists of ints, strings and Cooperates; generators that yield from them
// and may fail part way; fired Deferreds; Map, Zip, Merge and Filter over
// them, whose functions may fail or panic; LineBreak) and runs it under both
// controllers, Block (without sleeping) and DeferredOn a reactor.Clock.
// They must agree: the same results, or a failure of the same class;
// Block's List (push mode where it can) and Next (pull) must give the same
// results before the same end. No panic may escape, the Clock-driven run
// must end within a bounded number of advances, and no goroutine may
// outlive the runs. A generator may also yield the stage of itself or of
// a generator it runs in (fzSelf): a cycle, which both must fail with
// RecursionError, never a stack overflow.

// Kinds of fzNode.
const (
	fzList = iota
	fzGen
	fzMap
	fzZip
	fzMerge
	fzFilter
	fzFired     // a Deferred that has fired: Succeed("fired"), or Fail when failAt >= 0
	fzLineBreak // LineBreak on "1" of str(item); Trailer unless failAt >= 0
	fzKinds
)

// fzNode describes a stage; fzBuild makes a fresh one from it for each run.
type fzNode struct {
	kind   int
	items  []any     // fzList: ints, strings and fzCoop; fzGen: the same, and fzNested
	kids   []*fzNode // the stages consumed (Map, Zip, Merge, Filter; fzGen's nested)
	failAt int       // fzGen: fails before item failAt; Map, Filter: call failAt fails; -1: never
	panics bool      // the failure is a panic rather than a returned error
}

// fzCoop stands for a Cooperate of that timeout.
type fzCoop float64

// fzNested stands, in a generator, for its nested stage kids[i]: the
// generator wraps it, and yields each of its results.
type fzNested int

// fzSelf stands, in a generator, for the stage of the generator that many
// generators up from it (0: its own): the generator yields it, a cycle.
type fzSelf int

// fzDecoder reads a tree from the fuzz bytes; reading past the end gives
// zeros.
type fzDecoder struct {
	data  []byte
	nodes int
	gens  int // the generators being read, the node's own included
}

func (d *fzDecoder) byte() byte {
	if len(d.data) == 0 {
		return 0
	}
	b := d.data[0]
	d.data = d.data[1:]
	return b
}

// node reads a node: its kind, then its parts; below depth 3, or once 12
// nodes are read, only lists.
func (d *fzDecoder) node(depth int) *fzNode {
	d.nodes++
	b := d.byte()
	n := &fzNode{kind: int(b&127) % fzKinds, failAt: -1} // 128 is the trap bit
	if depth >= 3 || d.nodes > 12 {
		n.kind = fzList
	}
	if c := d.byte(); c&1 != 0 {
		n.failAt = int(c>>1) % 6
		n.panics = c&2 != 0
	}
	switch n.kind {
	case fzList, fzGen:
		if n.kind == fzGen {
			d.gens++
			defer func() { d.gens-- }()
		}
		count := int(d.byte() % 7)
		for range count {
			x := d.byte()
			switch k := x % 8; {
			case k == 7 && x>>3%4 == 3 && n.kind == fzGen:
				n.items = append(n.items, fzSelf(int(x>>5)%d.gens))
			case k < 4:
				n.items = append(n.items, int(x>>3%10))
			case k == 4:
				n.items = append(n.items, fmt.Sprintf("s%d", x>>3%4))
			case k == 5 || n.kind == fzList:
				n.items = append(n.items, fzCoop([]float64{0, 0.25, 1}[x>>3%3]))
			default:
				n.items = append(n.items, fzNested(len(n.kids)))
				n.kids = append(n.kids, d.node(depth+1))
			}
		}
	case fzMap, fzZip, fzMerge:
		for range 1 + int(d.byte()%3) {
			n.kids = append(n.kids, d.node(depth+1))
		}
	case fzFilter, fzLineBreak:
		n.kids = append(n.kids, d.node(depth+1))
	}
	return n
}

// fzFail is the failure of a node at its failAt point.
func (n *fzNode) fail(what string) error {
	err := twisted.IOError.New(what)
	if n.panics {
		panic(err)
	}
	return err
}

// fzBuild makes the stage a node describes, with fresh Cooperates and
// generators.
func fzBuild(n *fzNode) any { return fzBuildIn(n, nil) }

// fzBuildIn is fzBuild inside the generators whose stages are gens (the
// innermost last), for fzSelf: a generator whose tree yields a stage of
// its own is wrapped at once, to have one.
func fzBuildIn(n *fzNode, gens []flow.Stage) any {
	if n.kind == fzGen && fzHasSelf(n) {
		var st flow.Stage
		gen := fzGenerator(n, func() []flow.Stage { return append(gens[:len(gens):len(gens)], st) })
		st = flow.Wrap(gen)
		return st
	}
	switch n.kind {
	case fzList:
		items := make([]any, len(n.items))
		for i, it := range n.items {
			if c, ok := it.(fzCoop); ok {
				items[i] = flow.Cooperate(float64(c))
			} else {
				items[i] = it
			}
		}
		return items
	case fzGen:
		return fzGenerator(n, func() []flow.Stage { return append(gens[:len(gens):len(gens)], nil) })
	}
	return fzBuildOther(n, gens)
}

// fzHasSelf reports whether a generator of n's tree yields a stage of its
// own or of a generator it runs in.
func fzHasSelf(n *fzNode) bool {
	for _, it := range n.items {
		if _, ok := it.(fzSelf); ok {
			return true
		}
	}
	for _, k := range n.kids {
		if fzHasSelf(k) {
			return true
		}
	}
	return false
}

// fzGenerator is the generator of node n; inside returns the stages of
// the generators it runs in and its own (nil if it has none).
func fzGenerator(n *fzNode, inside func() []flow.Stage) flow.Generator {
	return func(yield func(any) bool) error {
		gens := inside()
		for i, it := range n.items {
			if i == n.failAt {
				return n.fail("generator failed")
			}
			switch x := it.(type) {
			case fzCoop:
				if !yield(flow.Cooperate(float64(x))) {
					return nil
				}
			case fzSelf:
				if !yield(gens[len(gens)-1-int(x)]) {
					return nil
				}
			case fzNested:
				src := flow.Wrap(fzBuildIn(n.kids[x], gens))
				for {
					if !yield(src) {
						return nil
					}
					v, err := src.Next()
					if err != nil {
						if twisted.NewFailure(err).Check(twisted.StopIteration) != nil {
							break
						}
						return err
					}
					if !yield(v) {
						return nil
					}
				}
			default:
				if !yield(x) {
					return nil
				}
			}
		}
		return nil
	}
}

// fzBuildOther is fzBuildIn for the nodes other than generators.
func fzBuildOther(n *fzNode, gens []flow.Stage) any {
	switch n.kind {
	case fzMap, fzZip, fzMerge:
		kids := make([]any, len(n.kids))
		for i, k := range n.kids {
			kids[i] = fzBuildIn(k, gens)
		}
		switch n.kind {
		case fzZip:
			return flow.Zip(kids[0], kids[1:]...)
		case fzMerge:
			return flow.Merge(kids...)
		}
		calls := 0
		return flow.Map(func(args ...any) (any, error) {
			if calls++; calls-1 == n.failAt {
				return nil, n.fail("map failed")
			}
			return "m" + twisted.Repr(twisted.Tuple(args)), nil
		}, kids[0], kids[1:]...)
	case fzFired:
		if n.failAt >= 0 {
			d := deferred.Fail(twisted.IOError.New("deferred failed"))
			d.AddErrback(func(f *twisted.Failure) (any, error) { return f, nil }) // the flow's now, not unhandled
			return d
		}
		return deferred.Succeed("fired")
	case fzLineBreak:
		return flow.LineBreak(fzBuildIn(n.kids[0], gens), flow.LineBreakOptions{Delimiter: "1", Trailer: n.failAt < 0})
	default: // fzFilter
		calls := 0
		return flow.Filter(func(v any) (bool, error) {
			if calls++; calls-1 == n.failAt {
				return false, n.fail("filter failed")
			}
			return len(twisted.Repr(v))%2 == 1, nil
		}, fzBuildIn(n.kids[0], gens))
	}
}

// fzOutcome is what a controller gave: the repr of its results, or the
// class of its failure.
type fzOutcome struct {
	results string
	failure string
}

func fzOutcomeOf(results []any, err error) fzOutcome {
	if err != nil {
		return fzOutcome{failure: twisted.NewFailure(err).Type.Name()}
	}
	return fzOutcome{results: twisted.Repr(results)}
}

// fzRunBlock runs the tree under Block, without sleeping, through List
// (which runs simple chains in push mode) or, with next, through Next
// calls (the pull protocol). It also returns the results that came before
// a failure.
func fzRunBlock(n *fzNode, trap []*twisted.Class, next bool) (fzOutcome, string) {
	b := flow.Block(fzBuild(n), trap...)
	b.Sleep = func(float64) {}
	if !next {
		results, err := b.List()
		return fzOutcomeOf(results, err), twisted.Repr(results)
	}
	var results []any
	for {
		v, err := b.Next()
		switch {
		case err == nil:
			results = append(results, v)
		case twisted.NewFailure(err).Check(twisted.StopIteration) != nil:
			return fzOutcomeOf(results, nil), twisted.Repr(results)
		default:
			return fzOutcomeOf(nil, err), twisted.Repr(results)
		}
	}
}

// fzRunDeferred runs the tree under DeferredOn a Clock, advancing it until
// the Deferred fires, at most 10000 times.
func fzRunDeferred(t *testing.T, n *fzNode, trap []*twisted.Class) fzOutcome {
	clock := reactor.NewClock()
	d := flow.DeferredOn(clock, fzBuild(n), trap...)
	var out fzOutcome
	d.AddBoth(func(res any) (any, error) {
		if f, ok := res.(*twisted.Failure); ok {
			out = fzOutcomeOf(nil, f)
		} else {
			results, _ := res.([]any)
			out = fzOutcomeOf(results, nil)
		}
		return nil, nil
	})
	for range 10000 {
		if d.Called() {
			return out
		}
		clock.Advance(0.25)
	}
	d.Cancel()
	t.Fatalf("flow.DeferredOn has not fired after 2500 seconds of its Clock")
	return out
}

func FuzzWrapBlock(f *testing.F) {
	// A node is its kind, its failure byte (odd: fails at byte>>1%6, panics
	// if bit 1 is set), then for lists and generators a count and items,
	// for Map, Zip and Merge a count-1 and the stages, for Filter its
	// stage. 128 on the first byte traps IOError.
	const never, nested = 0, 6
	item := func(v int) byte { return byte(v << 3) }
	str := func(v int) byte { return byte(v<<3 | 4) }
	coop := func(i int) byte { return byte(i<<3 | 5) } // Cooperate(0), (0.25), (1)
	f.Add([]byte{fzList, never, 4, item(1), str(0), coop(2), item(2)})
	f.Add([]byte{fzGen, 2<<1 | 1, 3, item(1), nested, fzList, never, 2, item(3), item(4), item(5)})
	f.Add([]byte{fzMerge, never, 1, fzGen, never, 3, item(1), coop(2), item(2), fzList, never, 3, item(7), coop(0), item(8)})
	f.Add([]byte{fzZip, never, 1, fzList, never, 3, item(1), item(2), item(3), fzGen, never, 2, str(0), coop(1)})
	f.Add([]byte{fzMap, 1<<1 | 1, 1, fzList, never, 3, item(1), item(2), item(3), fzList, never, 1, item(9)})
	f.Add([]byte{fzFilter, 3<<1 | 3, fzGen, never, 4, item(1), item(2), nested, fzList, never, 2, item(5), coop(2), item(3)})
	f.Add([]byte{fzMerge, never, 2, fzGen, 1, 3, item(1), item(2), item(3), fzGen, never, 2, coop(1), item(4), fzList, never, 0})
	f.Add([]byte{128 | fzMerge, never, 1, fzGen, 2<<1 | 1, 4, item(1), coop(1), item(2), item(3), fzList, never, 2, item(4), item(5)})
	f.Add([]byte{fzGen, never, 3, nested, fzFired, never, item(1), nested, fzFired, 1, coop(0)})
	f.Add([]byte{128 | fzMap, never, 0, fzGen, never, 2, nested, fzFired, 1, nested, fzList, never, 1, item(2)})
	// A Filter over a Filter that fails after results: List (push) kept
	// the results that Next (pull) drops: a bug this target found.
	f.Add([]byte{128 | fzFilter, never, fzFilter, 2<<1 | 1, fzList, never, 3, item(8), item(8), item(8)})
	f.Add([]byte{fzFilter, never, fzFilter, 2<<1 | 1, fzList, never, 3, item(8), item(8), item(8)})
	f.Add([]byte{fzLineBreak, never, fzList, never, 5, str(1), item(2), coop(0), item(1), item(3)})
	f.Add([]byte{fzMap, never, 0, fzLineBreak, 1, fzGen, never, 4, item(2), item(1), item(3), str(2)})
	f.Add([]byte{fzLineBreak, never, fzFilter, 1, fzLineBreak, 1, fzList, never, 3, item(2), item(1), item(3)})
	// Cycles: a generator yielding its own stage; one yielding the
	// generator it runs in, under a Map; under a Merge beside a list.
	self := func(up int) byte { return byte(up<<5 | 3<<3 | 7) }
	f.Add([]byte{fzGen, never, 3, item(1), self(0), item(2)})
	f.Add([]byte{fzMap, never, 0, fzGen, never, 2, item(1), nested, fzGen, never, 2, item(2), self(1)})
	f.Add([]byte{fzMerge, never, 1, fzList, never, 2, item(1), item(2), fzGen, never, 2, nested, fzGen, never, 2, item(3), self(1), item(4)})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 256 {
			t.Skip()
		}
		if !fuzzing() {
			// Checked on the seeds under go test; while fuzzing, the
			// check's waits for exiting goroutines would slow every
			// input and leave the fuzzing engine no time to minimize.
			leakcheck.Check(t)
		}
		var trap []*twisted.Class
		if len(data) > 0 && data[0]&128 != 0 {
			trap = []*twisted.Class{twisted.IOError}
		}
		dec := &fzDecoder{data: data}
		tree := dec.node(0)
		block, partial := fzRunBlock(tree, trap, false)
		pull, pullPartial := fzRunBlock(tree, trap, true)
		if block != pull || partial != pullPartial {
			t.Fatalf("Block's List and Next disagree on %s (trap %v):\n List: %+v after %s\n Next: %+v after %s",
				fzDescribe(tree), trap, block, partial, pull, pullPartial)
		}
		deferred := fzRunDeferred(t, tree, trap)
		t.Logf("%s: %+v", fzDescribe(tree), block)
		if block != deferred {
			t.Fatalf("Block and DeferredOn disagree on %s (trap %v):\n Block:    %+v\n Deferred: %+v",
				fzDescribe(tree), trap, block, deferred)
		}
	})
}

// fzDescribe prints a tree for failure messages.
func fzDescribe(n *fzNode) string {
	var b strings.Builder
	name := []string{"list", "gen", "Map", "Zip", "Merge", "Filter", "fired", "LineBreak"}[n.kind]
	fmt.Fprintf(&b, "%s(", name)
	for i, it := range n.items {
		if i > 0 {
			b.WriteString(", ")
		}
		switch x := it.(type) {
		case fzCoop:
			fmt.Fprintf(&b, "Cooperate(%g)", float64(x))
		case fzNested:
			b.WriteString(fzDescribe(n.kids[x]))
		case fzSelf:
			fmt.Fprintf(&b, "self(%d)", int(x))
		default:
			b.WriteString(twisted.Repr(x))
		}
	}
	if n.kind != fzList && n.kind != fzGen {
		for i, k := range n.kids {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(fzDescribe(k))
		}
	}
	b.WriteString(")")
	if n.failAt >= 0 {
		fmt.Fprintf(&b, "[fails at %d, panic %v]", n.failAt, n.panics)
	}
	return b.String()
}

// fuzzing reports whether the test binary runs with -test.fuzz.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}
