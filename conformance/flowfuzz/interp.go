package flowfuzz

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
	"github.com/twistedflow/twistedflow/twisted/reactor"
)

// CustomError is testdata/flowprog.py's CustomError(Exception).
// A program is a flow tree and the controller that drives it.
type program struct {
	ID     int      `json:"id"`
	Driver string   `json:"driver"` // "block" or "deferred"
	Trap   []string `json:"trap,omitempty"`
	Root   *node    `json:"root"`
}

// A node is one stage of the tree; which fields count depends on T.
type node struct {
	T         string   `json:"t"`
	Items     []any    `json:"items,omitempty"`  // list: ints and "coop"
	Steps     []any    `json:"steps,omitempty"`  // gen: ints, "coop", {"raise": class}
	Src       *node    `json:"src,omitempty"`    // pull, filter
	Fn        string   `json:"fn,omitempty"`     // map: add1, inv, sum, none; filter: odd or ""
	Args      []*node  `json:"args,omitempty"`   // map, zip, merge
	Chunks    []string `json:"chunks,omitempty"` // linebreak: strings and "coop"
	Delimiter string   `json:"delimiter,omitempty"`
	Trailer   bool     `json:"trailer,omitempty"`
	Events    [][]any  `json:"events,omitempty"` // callback: [time, "result", v] | [time, "finish"] | [time, "errback", class]
	Trap      []string `json:"trap,omitempty"`
}

var CustomError = twisted.NewClass("CustomError", twisted.Exception)

var classes = map[string]*twisted.Class{
	"ZeroDivisionError": twisted.ZeroDivisionError, "ArithmeticError": twisted.ArithmeticError,
	"KeyError": twisted.KeyError, "LookupError": twisted.LookupError, "ValueError": twisted.ValueError,
	"StandardError": twisted.StandardError, "CustomError": CustomError,
}

func trapsOf(names []string) []*twisted.Class {
	var out []*twisted.Class
	for _, n := range names {
		out = append(out, classes[n])
	}
	return out
}

func add1(args ...any) (any, error) {
	if args[0] == nil {
		return nil, twisted.TypeError.New("unsupported operand type(s) for +: 'NoneType' and 'int'")
	}
	return args[0].(int) + 1, nil
}

// inv divides for real: the Go runtime's integer divide by zero must come
// out as Python's ZeroDivisionError.
func inv(args ...any) (any, error) {
	if args[0] == nil {
		return nil, twisted.TypeError.New("unsupported operand type(s) for /: 'int' and 'NoneType'")
	}
	return 100 / args[0].(int), nil
}

func total(args ...any) (any, error) {
	s := 0
	for _, x := range args {
		if x == nil {
			return nil, twisted.TypeError.New("unsupported operand type(s) for +: 'int' and 'NoneType'")
		}
		s += x.(int)
	}
	return s, nil
}

var funcs = map[string]func(args ...any) (any, error){"add1": add1, "inv": inv, "sum": total}

func odd(x any) (bool, error) { return x.(int)%2 == 1, nil }

func gen(steps []any) flow.Generator {
	return func(yield func(any) bool) error {
		for _, step := range steps {
			switch s := step.(type) {
			case string: // "coop"
				if !yield(flow.Cooperate(0)) {
					return nil
				}
			case map[string]any:
				return classes[s["raise"].(string)].New("raised by a generator")
			default:
				if !yield(int(s.(float64))) {
					return nil
				}
			}
		}
		return nil
	}
}

func pull(src any) flow.Generator {
	return func(yield func(any) bool) error {
		src := flow.Wrap(src)
		for {
			if !yield(src) {
				return nil
			}
			v, err := src.Next()
			if err != nil {
				return err
			}
			if !yield(v) {
				return nil
			}
		}
	}
}

func items(raw []any) []any {
	out := make([]any, len(raw))
	for i, x := range raw {
		if x == "coop" {
			out[i] = flow.Cooperate(0)
		} else {
			out[i] = int(x.(float64))
		}
	}
	return out
}

func build(n *node, clock *reactor.Clock) any {
	var obj any
	switch n.T {
	case "list":
		obj = items(n.Items)
	case "gen":
		obj = gen(n.Steps)
	case "pull":
		obj = pull(build(n.Src, clock))
	case "map", "zip":
		args := make([]any, len(n.Args))
		for i, a := range n.Args {
			args[i] = build(a, clock)
		}
		if n.T == "zip" {
			obj = flow.Zip(args[0], args[1:]...)
		} else {
			obj = flow.Map(funcs[n.Fn], args[0], args[1:]...)
		}
	case "merge":
		args := make([]any, len(n.Args))
		for i, a := range n.Args {
			args[i] = build(a, clock)
		}
		obj = flow.Merge(args...)
	case "filter":
		var fn func(any) (bool, error)
		if n.Fn == "odd" {
			fn = odd
		}
		obj = flow.Filter(fn, build(n.Src, clock))
	case "linebreak":
		chunks := make([]any, len(n.Chunks))
		for i, c := range n.Chunks {
			if c == "coop" {
				chunks[i] = flow.Cooperate(0)
			} else {
				chunks[i] = c
			}
		}
		obj = flow.LineBreak(chunks, flow.LineBreakOptions{Delimiter: n.Delimiter, Trailer: n.Trailer})
	case "callback":
		cb := flow.Callback()
		for _, ev := range n.Events {
			at := ev[0].(float64)
			switch ev[1] {
			case "result":
				v := int(ev[2].(float64))
				clock.CallLater(at, func() { cb.Result(v) })
			case "finish":
				clock.CallLater(at, cb.Finish)
			default:
				class := classes[ev[2].(string)]
				clock.CallLater(at, func() { cb.Errback(twisted.NewFailure(class.New("errback of a Callback"))) })
			}
		}
		obj = cb
	default:
		panic("unknown node " + n.T)
	}
	if len(n.Trap) > 0 {
		return flow.Wrap(obj, trapsOf(n.Trap)...)
	}
	return obj
}

var address = regexp.MustCompile(`0x[0-9a-fA-F]+`)

func describe(err error) string {
	f := twisted.NewFailure(err)
	return fmt.Sprintf("%s: %s", f.Type.Name(), twisted.Repr(address.ReplaceAllString(f.GetErrorMessage(), "0x?")))
}

func runBlock(p program) (out []string) {
	clock := reactor.NewClock()
	blk := flow.Block(build(p.Root, clock), trapsOf(p.Trap)...)
	blk.Sleep = func(float64) {}
	if p.ID%4 == 0 {
		// All: the push path where it applies.
		for x, err := range blk.All() {
			if err != nil {
				return append(out, "failed "+describe(err))
			}
			out = append(out, "result "+twisted.Repr(x))
		}
		return append(out, "done")
	}
	for {
		x, err := blk.Next()
		if err != nil {
			if twisted.ClassOf(err) == twisted.StopIteration {
				return append(out, "done")
			}
			return append(out, "failed "+describe(err))
		}
		out = append(out, "result "+twisted.Repr(x))
	}
}

func runDeferred(p program) (out []string) {
	clock := reactor.NewClock()
	d := flow.DeferredOn(clock, build(p.Root, clock), trapsOf(p.Trap)...)
	d.AddCallbacks(func(results any) (any, error) {
		for _, x := range results.([]any) {
			out = append(out, "result "+twisted.Repr(x))
		}
		out = append(out, "done")
		return nil, nil
	}, func(f *twisted.Failure) (any, error) {
		out = append(out, "failed "+describe(f))
		return nil, nil
	})
	for steps := 0; !d.Called() && steps < 10000; steps++ {
		calls := clock.GetDelayedCalls()
		if len(calls) == 0 {
			break
		}
		due := calls[0].GetTime()
		for _, c := range calls {
			due = min(due, c.GetTime())
		}
		clock.Advance(max(0, due-clock.Seconds()))
	}
	if !d.Called() {
		out = append(out, "never fired")
		d.Cancel()
	}
	return out
}

// blockDeviation is the original's failure where its Block meets the
// instruction of a Merge whose branches all cooperate: Unsupported cannot
// be constructed, so a TypeError escapes (PORTING.md, deviations).
const blockDeviation = `failed TypeError: "descriptor '__init__' requires a 'exceptions.TypeError' object but received a 'Unsupported'"`

// expected returns the trace the Go port must print for a program, given
// the original's: the same trace, or, where the original's Block hit the
// deviation, what the original's Deferred controller printed over the
// same tree (its results then the end, or its failure).
func expected(python []string) (want []string, deviation bool) {
	for i, line := range python {
		if line == blockDeviation {
			var ref []string
			for _, l := range python[i+1:] {
				ref = append(ref, strings.TrimPrefix(l, "reference "))
			}
			return ref, true
		}
	}
	return python, false
}
