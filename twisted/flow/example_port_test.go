package flow_test

import (
	"fmt"
	"strings"

	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/flow"
)

// statesProducer is test_flow.py's producer class, an iterator in the
// state pattern (its next reassigns itself), ported to a type whose Next
// switches on a state field; Iter does the work of __iter__.
//
//	class producer:
//	    def __iter__(self):
//	        self.lst   = flow.wrap(slowlist([1,2,3]))
//	        self.nam   = flow.wrap(slowlist(_onetwothree))
//	        self.next = self.yield_lst
//	        return self
//	    def yield_lst(self):
//	        self.next = self.yield_nam
//	        return self.lst
//	    def yield_nam(self):
//	        self.next = self.yield_results
//	        return self.nam
//	    def yield_results(self):
//	        self.next = self.yield_lst
//	        return (self.lst.next(), self.nam.next())
type statesProducer struct {
	lst, nam flow.Stage
	next     func() (any, error)
}

func (p *statesProducer) Iter() (flow.Iterator, error) {
	p.lst = flow.Wrap([]any{1, 2, 3})
	p.nam = flow.Wrap([]any{"one", "two", flow.Cooperate(0), "three"})
	p.next = p.yieldLst
	return p, nil
}

func (p *statesProducer) Next() (any, error) { return p.next() }

func (p *statesProducer) yieldLst() (any, error) {
	p.next = p.yieldNam
	return p.lst, nil
}

func (p *statesProducer) yieldNam() (any, error) {
	p.next = p.yieldResults
	return p.nam, nil
}

func (p *statesProducer) yieldResults() (any, error) {
	p.next = p.yieldLst
	a, err := p.lst.Next()
	if err != nil {
		return nil, err // StopIteration ends the iterator
	}
	b, err := p.nam.Next()
	if err != nil {
		return nil, err
	}
	return twisted.Tuple{a, b}, nil
}

// An iterator class in the state pattern (test_flow.py's testProducer).
func ExampleIterable() {
	out, err := flow.Block(&statesProducer{}).List()
	fmt.Println(twisted.Repr(out), err)
	// Output:
	// [(1, 'one'), (2, 'two'), (3, 'three')] <nil>
}

// upper is a pipe written as the original's Pipe subclasses are: it embeds
// flow.Pipe, implements Process, and calls Init.
type upper struct{ flow.Pipe }

func newUpper(source any) *upper {
	u := &upper{}
	u.Init(u, source)
	return u
}

func (u *upper) Process(results []any, stop bool) error {
	for _, r := range results {
		u.Results = append(u.Results, strings.ToUpper(r.(string)))
	}
	return nil
}

func ExamplePipe() {
	out, err := flow.Block(newUpper([]any{"a", flow.Cooperate(0), "b"})).List()
	fmt.Println(twisted.Repr(out), err)
	// Output:
	// ['A', 'B'] <nil>
}

// countdown is a stage written from scratch: it embeds flow.Base and
// implements Yield.
type countdown struct {
	flow.Base
	n int
}

func (c *countdown) Yield() flow.Instruction {
	if c.n == 0 {
		c.Stop = true
	} else {
		c.Results = append(c.Results, c.n)
		c.n--
	}
	return nil
}

func ExampleBase() {
	out, err := flow.Block(&countdown{n: 3}).List()
	fmt.Println(twisted.Repr(out), err)
	// Output:
	// [3, 2, 1] <nil>
}
