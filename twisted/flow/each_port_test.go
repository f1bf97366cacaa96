package flow_test

import (
	"errors"
	"fmt"
	"github.com/twistedflow/twistedflow/internal/flowtest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// The howto's printer and test_flow.py's generators, transcribed twice:
// with the explicit protocol (yield the stage, call Next) and with
// flow.Each. Both must make the same calls in the same order, and give
// the results test_flow.py asserts.

// portConsumer is test_flow.py's generator
//
//	def consumer():
//	    title = flow.wrap(['Title'])
//	    prod = flow.wrap(producer())
//	    yield title
//	    yield title.next()
//	    yield prod
//	    for data in prod:
//	        yield data
//	        yield prod
func portConsumer(l *logger, each bool) flow.Generator {
	return func(yield func(any) bool) error {
		yield = loggedYield(l, yield)
		title := nextLogged{flow.Wrap([]any{"Title"}), l}
		prod := nextLogged{flow.Wrap(&producer{}), l}
		if !yield(title) {
			return nil
		}
		t, err := title.Next()
		if err != nil {
			return err
		}
		if !yield(t) {
			return nil
		}
		if each {
			for data, err := range flow.Each(yield, prod) {
				if err != nil {
					return err
				}
				if !yield(data) {
					return nil
				}
			}
			return nil
		}
		for {
			if !yield(prod) {
				return nil
			}
			data, err := prod.Next()
			if err != nil {
				return err
			}
			if !yield(data) {
				return nil
			}
		}
	}
}

// portBuildlist is test_flow.py's generator
//
//	def buildlist(src):
//	    out = []
//	    yield src
//	    for itm in src:
//	        out.append(itm)
//	        yield src
//	    yield out
func portBuildlist(l *logger, each bool, source any) flow.Generator {
	return func(yield func(any) bool) error {
		yield = loggedYield(l, yield)
		src := nextLogged{flow.Wrap(source), l}
		out := []any{}
		if each {
			for itm, err := range flow.Each(yield, src) {
				if err != nil {
					return err
				}
				out = append(out, itm)
			}
			yield(out)
			return nil
		}
		for {
			if !yield(src) {
				return nil
			}
			itm, err := src.Next()
			if errors.Is(err, twisted.StopIteration) {
				break
			}
			if err != nil {
				return err
			}
			out = append(out, itm)
		}
		yield(out)
		return nil
	}
}

// portTestconcur is test_flow.py's generator
//
//	def testconcur(*stages):
//	    both = flow.Concurrent(*stages)
//	    yield both
//	    for stage in both:
//	        yield (stage.name, stage.result)
//	        yield both
//
// whose stage.result is the Callback's next(), as its iterator version
// has it. With Each, the stages come typed: no assertion.
func portTestconcur(l *logger, each bool, stages ...any) flow.Generator {
	return func(yield func(any) bool) error {
		yield = loggedYield(l, yield)
		both := nextLogged{flow.Concurrent(stages...), l}
		if each {
			for stage, err := range flow.EachOf[*named](yield, both) {
				if err != nil {
					return err
				}
				result, err := stage.Next()
				if err != nil {
					return err
				}
				if !yield(twisted.Tuple{stage.name, result}) {
					return nil
				}
			}
			return nil
		}
		for {
			if !yield(both) {
				return nil
			}
			v, err := both.Next()
			if err != nil {
				return err
			}
			stage := v.(*named)
			result, err := stage.Next()
			if err != nil {
				return err
			}
			if !yield(twisted.Tuple{stage.name, result}) {
				return nil
			}
		}
	}
}

// portPrinter is the howto's printer:
//
//	def printer(source):
//	    source = flow.wrap(source)
//	    while True:
//	        yield source
//	        print source.next()
func portPrinter(l *logger, each bool, source any) flow.Generator {
	return func(yield func(any) bool) error {
		yield = loggedYield(l, yield)
		src := nextLogged{flow.Wrap(source), l}
		if each {
			for v, err := range flow.Each(yield, src) {
				if err != nil {
					return err
				}
				l.log("print %v", v)
			}
			return nil
		}
		for {
			if !yield(src) {
				return nil
			}
			v, err := src.Next()
			if err != nil {
				return err
			}
			l.log("print %v", v)
		}
	}
}

func TestEachPorts(t *testing.T) {
	for _, c := range []struct {
		name string
		run  func(l *logger, each bool) any
		want string // what test_flow.py asserts, or the howto prints
	}{
		{"testConsumer", func(l *logger, each bool) any {
			return listOf(flow.Block(portConsumer(l, each)))
		}, "['Title', (1, 'one'), (2, 'two'), (3, 'three')]"},
		{"testDeferred", func(l *logger, each bool) any {
			clock := reactor.NewClock()
			d := flow.DeferredOn(clock, portConsumer(l, each))
			clock.Advance(0)
			return flowtest.Result(t, d)
		}, "['Title', (1, 'one'), (2, 'two'), (3, 'three')]"},
		{"testBuildList", func(l *logger, each bool) any {
			b := flow.Block(portBuildlist(l, each, flow.Wrap([]any{1, 2, 3})))
			defer b.Close()
			out, err := b.Next()
			if err != nil {
				return err
			}
			return out
		}, "[1, 2, 3]"},
		{"testCallback", func(l *logger, each bool) any {
			cb := flow.Callback()
			d := flow.DeferredOn(reactor.NewClock(), portBuildlist(l, each, cb))
			for x := range 9 {
				cb.Result(x)
			}
			cb.Finish()
			return flowtest.Result(t, d)
		}, "[[0, 1, 2, 3, 4, 5, 6, 7, 8]]"},
		{"testConcurrentCallback", func(l *logger, each bool) any {
			ca := &named{flow.Callback(), "a"}
			cb := &named{flow.Callback(), "b"}
			d := flow.DeferredOn(reactor.NewClock(), portTestconcur(l, each, ca, cb))
			ca.Result(1)
			cb.Result(2)
			ca.Result(3)
			ca.Result(4)
			ca.Finish()
			cb.Result(5)
			cb.Finish()
			return flowtest.Result(t, d)
		}, "[('a', 1), ('b', 2), ('a', 3), ('a', 4), ('b', 5)]"},
		{"howto printer", func(l *logger, each bool) any {
			b := flow.Block(portPrinter(l, each, []any{"one", flow.Cooperate(1), "two"}))
			b.Sleep = func(s float64) { l.log("sleep %v", s) }
			return listOf(b)
		}, "[]"},
	} {
		explicit, each := &logger{}, &logger{}
		got := []string{fmt.Sprint(twisted.Repr(c.run(explicit, false))), fmt.Sprint(twisted.Repr(c.run(each, true)))}
		for i, g := range got {
			if g != c.want {
				t.Errorf("%s (Each %v): %s, want %s", c.name, i == 1, g, c.want)
			}
		}
		if diff := cmp.Diff(explicit.lines, each.lines); diff != "" {
			t.Errorf("%s: Each's trace differs from the explicit one (-explicit +each):\n%s", c.name, diff)
		}
		if c.name == "howto printer" {
			if diff := cmp.Diff([]string{"print one", "print two"}, printed(each.lines)); diff != "" {
				t.Errorf("printer printed (-want +got):\n%s", diff)
			}
		}
	}
}

// printed returns the lines a printer printed.
func printed(lines []string) []string {
	var out []string
	for _, l := range lines {
		if len(l) > 6 && l[:6] == "print " {
			out = append(out, l)
		}
	}
	return out
}

// listOf is Python's list() of a Block.
func listOf(b *flow.BlockStage) any {
	out, err := b.List()
	if err != nil {
		return err
	}
	return out
}
