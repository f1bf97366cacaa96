package flow

import (
	"fmt"
	"slices"

	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

// deferredStage wraps a Deferred into a stage of its one result or its
// failure (flow.wrap._Deferred). Until the Deferred fires, it returns an
// instruction that makes the flow wait on it while the reactor runs other
// operations, such as the producer of the Deferred.
type deferredStage struct {
	Base
	called    bool
	cooperate *deferredInstruction
}

func newDeferredStage(d *deferred.Deferred, trap []*twisted.Class) *deferredStage {
	s := &deferredStage{cooperate: &deferredInstruction{d: d}}
	if len(trap) > 0 {
		s.Trap = slices.Clone(trap)
	}
	// The success passes on down d's chain unchanged (the original's
	// callback replaced it with None); the failure is the flow's to handle
	// and stops there, as in the original.
	d.AddCallbacks(func(res any) (any, error) {
		s.called = true
		s.Results = append(s.Results[:0], res)
		return res, nil
	}, func(f *twisted.Failure) (any, error) {
		s.called = true
		s.Failure = f
		return nil, nil
	})
	return s
}

func (s *deferredStage) Yield() Instruction {
	if s.ready() {
		return nil
	}
	if !s.called {
		return s.cooperate
	}
	s.Stop = true
	return nil
}

// deferredInstruction makes the flow wait until its Deferred fires
// (flow.wrap._DeferredInstruction).
type deferredInstruction struct {
	BaseInstruction
	d *deferred.Deferred
}

// CallLater calls callable once the Deferred has fired, leaving its result
// as it is (the original's addBoth(callable) replaced it with None).
// Controllers of this package register one wake-up per Deferred however
// often the flow yields it.
func (i *deferredInstruction) CallLater(callable func()) {
	i.d.AddBoth(func(res any) (any, error) {
		callable()
		return res, nil
	})
}

// PyRepr prints the instruction as Python prints a _DeferredInstruction.
func (i *deferredInstruction) PyRepr() string {
	return fmt.Sprintf("<twisted.flow.wrap._DeferredInstruction instance at %p>", i)
}
