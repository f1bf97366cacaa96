package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// states is an iterator class in the state pattern: each Next switches to
// the next state, as Python's rebinds self.next.
type states struct{ state func() (any, error) }

func (s *states) Iter() (flow.Iterator, error) {
	s.state = s.stateOne
	return s, nil
}

func (s *states) Next() (any, error) { return s.state() }

func (s *states) stateOne() (any, error) {
	s.state = s.statePause
	return "one", nil
}

func (s *states) statePause() (any, error) {
	s.state = s.stateTwo
	return flow.Cooperate(0.5), nil
}

func (s *states) stateTwo() (any, error) {
	s.state = s.stateStop
	return "two", nil
}

func (s *states) stateStop() (any, error) { return nil, twisted.StopIteration.New() }

// doubler yields its source, then twice the source's value, in turn.
type doubler struct {
	src  flow.Stage
	next func() (any, error)
}

func newDoubler(src any) *doubler { return &doubler{src: flow.Wrap(src)} }

func (d *doubler) Iter() (flow.Iterator, error) {
	d.next = d.yieldSrc
	return d, nil
}

func (d *doubler) Next() (any, error) { return d.next() }

func (d *doubler) yieldSrc() (any, error) {
	d.next = d.yieldValue
	return d.src, nil
}

func (d *doubler) yieldValue() (any, error) {
	d.next = d.yieldSrc
	v, err := d.src.Next()
	if err != nil {
		return nil, err
	}
	return v.(int) * 2, nil
}

// twoBranches gives name0, cooperates for timeout, then gives name1.
func twoBranches(name string, timeout float64) flow.Generator {
	return func(yield func(any) bool) error {
		_ = yield(name+"0") && yield(flow.Cooperate(timeout)) && yield(name+"1")
		return nil
	}
}

const blockUnsupported = "Block can only wait for a Cooperate. The original raises Unsupported for any other " +
	"instruction, and Unsupported cannot be constructed (its __init__ calls TypeError.__init__ on a " +
	"NotImplementedError), so a TypeError escapes instead. Go fails with Unsupported, naming the instruction."

func init() {
	scenario("iterclass.statePattern", func(e *edge) {
		e.drain(e.block(&states{}))
		e.run(&states{})
	})
	scenario("iterclass.consumer", func(e *edge) {
		e.drain(e.block(newDoubler([]any{1, flow.Cooperate(0), 2, 3})))
		e.run(newDoubler(newSlowlist(4, 5)))
	})

	deviation("unsupported.construct",
		"The original's Unsupported cannot be constructed: its __init__ calls TypeError.__init__ on a "+
			"NotImplementedError, which raises TypeError. Go's Unsupported is an ordinary NotImplementedError subclass.",
		func(e *edge) {
			e.raised(flow.Unsupported.New("inst"))
			e.t.Print(flow.Unsupported.IsSubclass(twisted.NotImplementedError))
		})
	deviation("unsupported.blockCallback", blockUnsupported, func(e *edge) {
		cb := flow.Callback()
		cb.Result("ready")
		e.drain(e.block(cb))
	})
	deviation("gendeferred.blockUnfired", blockUnsupported, func(e *edge) {
		gen := func(yield func(any) bool) error {
			_ = yield(1) && yield(deferred.New()) && yield(2)
			return nil
		}
		e.drain(e.block(flow.Generator(gen)))
	})
	deviation("block.mergeAllCooperate",
		"When every branch of a Merge cooperates at once, the original's Block raises Unsupported for the "+
			"Concurrent instruction (a TypeError escapes, as Unsupported cannot be constructed). "+
			"Go's Block sleeps for the shortest of the branches' timeouts, then goes on.",
		func(e *edge) {
			e.drain(e.block(flow.Merge(twoBranches("a", 0.5), twoBranches("b", 0.25))))
		})
	deviation("block.concurrentCooperate",
		"When the only branches left to a Concurrent are paused, the original's Block raises Unsupported for the "+
			"Concurrent instruction (a TypeError escapes, as Unsupported cannot be constructed). "+
			"Go's Block sleeps for the shortest of their timeouts, then goes on.",
		func(e *edge) {
			gen := func(yield func(any) bool) error {
				_ = yield("g0") && yield(flow.Cooperate(0.5)) && yield("g1")
				return nil
			}
			consumer := func(yield func(any) bool) error {
				both := flow.Concurrent([]any{"l0"}, flow.Generator(gen))
				if !yield(both) {
					return nil
				}
				for {
					v, err := both.Next()
					if err != nil {
						return err
					}
					x, err := v.(flow.Stage).Next()
					if err != nil {
						return err
					}
					if !yield(x) || !yield(both) {
						return nil
					}
				}
			}
			e.drain(e.block(flow.Generator(consumer)))
		})
}

func init() {
	deviation("unsupported.stageInList",
		"A stage inside a list is yielded to the controller as an instruction, which no controller supports. "+
			"The original raises Unsupported, whose constructor fails, so a TypeError escapes Block and "+
			"flow.Deferred's constructor. Go: Block fails with Unsupported, and flow.Deferred errbacks with it.",
		func(e *edge) {
			inner := flow.Wrap([]any{"i"})
			e.drain(e.block([]any{"a", inner, "b"}))
			e.outcome(e.deferred([]any{"a", inner, "b"}))
		})
}
