package flow_test

import (
	"errors"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// The expected values are test_flow.py's assertions (FlowTest).

func TestNotReady(t *testing.T) {
	x := flow.Wrap([]any{1, 2, 3})
	_, err := x.Next()
	if !errors.Is(err, flow.NotReadyError) {
		t.Fatalf("Next before yield: %v, want NotReadyError", err)
	}
}

func TestBasic(t *testing.T) {
	flowtest.Check(t, blockList(t, "string"), "['string']")
}

func TestBasicList(t *testing.T) {
	b := flow.Block([]any{1, 2, flow.Cooperate(0), 3})
	slept := noSleep(b)
	out, err := b.List()
	flowtest.Check(t, out, "[1, 2, 3]")
	flowtest.Check(t, *slept, "[0.0]")
	if err != nil {
		t.Fatal(err)
	}
}

func TestBasicIterator(t *testing.T) {
	flowtest.Check(t, blockList(t, newSlowlist(onetwothree()...)), "['one', 'two', 'three']")
}

func TestProducer(t *testing.T) {
	flowtest.Check(t, blockList(t, &producer{}), "[(1, 'one'), (2, 'two'), (3, 'three')]")
}

func TestConsumer(t *testing.T) {
	flowtest.Check(t, blockList(t, newConsumer), "['Title', (1, 'one'), (2, 'two'), (3, 'three')]")
}

func TestFailure(t *testing.T) {
	out, err := flow.Block(badgen()).List()
	flowtest.Check(t, out, "['x']")
	if !errors.Is(err, twisted.ZeroDivisionError) {
		t.Errorf("err = %v, want ZeroDivisionError", err)
	}
	flowtest.Check(t, blockList(t, badgen(), twisted.ZeroDivisionError), "['x', <type 'exceptions.ZeroDivisionError'>]")
	flowtest.Check(t, blockList(t, flow.Wrap(badgen()), twisted.ZeroDivisionError), "['x', <type 'exceptions.ZeroDivisionError'>]")
}

func TestZip(t *testing.T) {
	mrg := flow.Zip([]any{1, 2, flow.Cooperate(0), 3}, []any{"a", "b"})
	flowtest.Check(t, blockList(t, mrg), "[(1, 'a'), (2, 'b'), (3, None)]")
}

func TestMerge(t *testing.T) {
	mrg := flow.Merge(newSlowlist(onetwothree()...), newSlowlist(1, 2, 3))
	flowtest.Check(t, blockList(t, mrg), "['one', 1, 'two', 2, 3, 'three']")
}

func TestFilter(t *testing.T) {
	odd := func(val any) (bool, error) { return val.(int)%2 != 0, nil }
	mrg := flow.Filter(odd, newSlowlist(1, 2, flow.Cooperate(0), 3))
	flowtest.Check(t, blockList(t, mrg), "[1, 3]")
}

func TestLineBreak(t *testing.T) {
	rhs := newSlowlist("Hello ", "World\nHappy", flow.Cooperate(0), " Days", " Are Here\n")
	mrg := flow.LineBreak(rhs, flow.LineBreakOptions{Delimiter: "\n"})
	flowtest.Check(t, blockList(t, mrg), "['Hello World', 'Happy Days Are Here']")
}

func TestBuildList(t *testing.T) {
	src := flow.Wrap([]any{1, 2, 3})
	b := flow.Block(buildlist(src))
	out, err := b.Next()
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	flowtest.Check(t, out, "[1, 2, 3]")
}
