package flowedges

import (
	"github.com/twistedflow/twistedflow/twisted"
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

func init() {
	scenario("iterclass.statePattern", func(e *edge) {
		e.drain(e.block(&states{}))
		e.run(&states{})
	})
	scenario("iterclass.consumer", func(e *edge) {
		e.drain(e.block(newDoubler([]any{1, flow.Cooperate(0), 2, 3})))
		e.run(newDoubler(newSlowlist(4, 5)))
	})
}
