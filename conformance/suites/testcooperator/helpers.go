package testcooperator

import (
	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/twisted"
	"github.com/twistedflow/twistedflow/twisted/task"
)

// add registers the scenario class.test of test_cooperator.py.
func add(class, test string, run func(t *conformance.T)) {
	Suite.Add(conformance.Scenario{
		Name:   class + "." + test,
		Source: "src/twisted/test/test_cooperator.py " + class + "." + test + " (Twisted 22.4)",
		Origin: conformance.Recorded,
		Run:    run,
	})
}

// FakeDelayedCall is a fake delayed call which lets us simulate the
// scheduler.
type FakeDelayedCall struct {
	// func is a function to run, later.
	fn        func()
	cancelled bool
}

func NewFakeDelayedCall(fn func()) *FakeDelayedCall {
	return &FakeDelayedCall{fn: fn, cancelled: false}
}

// Cancel means: don't run my function later.
func (c *FakeDelayedCall) Cancel() error {
	c.cancelled = true
	return nil
}

// FakeScheduler is a fake scheduler for testing against.
type FakeScheduler struct {
	work []*FakeDelayedCall
}

// NewFakeScheduler creates a fake scheduler with a list of work to do.
func NewFakeScheduler() *FakeScheduler {
	return &FakeScheduler{work: []*FakeDelayedCall{}}
}

// Call schedules a unit of work to be done later (Python's __call__).
func (s *FakeScheduler) Call(thunk func()) task.Cancellable {
	unit := NewFakeDelayedCall(thunk)
	s.work = append(s.work, unit)
	return unit
}

// Pump does all of the work that is currently available to be done.
func (s *FakeScheduler) Pump() {
	work := s.work
	s.work = []*FakeDelayedCall{}
	for _, unit := range work {
		if !unit.cancelled {
			unit.fn()
		}
	}
}

// UnhandledException is an exception that should go unhandled.
var UnhandledException = twisted.NewClass("UnhandledException", nil)

// seq is a Python iterator over items: iter(items).
func seq(items ...any) task.Iterator {
	return task.FromSeq(func(yield func(any) bool) {
		for _, x := range items {
			if !yield(x) {
				return
			}
		}
	})
}

// always is `lambda: lambda: True`: a step ends after one unit of work.
func always() func() bool { return func() bool { return true } }
