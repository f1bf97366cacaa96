package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"gotest.tools/v3/assert"
)

// Issue 15, defect 7: a nil inside the list given to DeferredList, Race or
// GatherResults was a raw nil-pointer panic. It is a TypeError naming its
// index, raised before any callback is added to the Deferreds before it.
// (Twisted 22.4: AttributeError "'NoneType' object has no attribute
// 'addCallbacks'", after adding callbacks to those; a PORTING deviation.)
func TestNilInDeferredLists(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(ds []*Deferred)
	}{
		{"DeferredList", func(ds []*Deferred) { DeferredList(ds, ConsumeErrors) }},
		{"GatherResults", func(ds []*Deferred) { GatherResults(ds, ConsumeErrors) }},
		{"Race", func(ds []*Deferred) { Race(ds) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := New()
			e := mustPanicClass(t, twisted.TypeError, func() { c.make([]*Deferred{d, nil, New()}) })
			assert.Equal(t, e.PyStr(), c.name+": sequence item 1: expected Deferred instance, NoneType found")
			// d has no callback of theirs: its failure is not consumed.
			d.Errback(twisted.ValueError.New("x"))
			failureResultOf(t, d, twisted.ValueError)

			e = mustPanicClass(t, twisted.TypeError, func() { c.make([]*Deferred{nil}) })
			assert.Equal(t, e.PyStr(), c.name+": sequence item 0: expected Deferred instance, NoneType found")
		})
	}
}

// A list given both a nil and an option its function does not take
// raises the option's TypeError, as Python raises an unexpected keyword
// argument before the function runs (Twisted 22.4:
// "gatherResults() got an unexpected keyword argument
// 'fireOnOneCallback'" for gatherResults([None], fireOnOneCallback=True)).
func TestListOptionCheckedBeforeItsDeferreds(t *testing.T) {
	e := mustPanicClass(t, twisted.TypeError, func() { GatherResults([]*Deferred{nil}, FireOnOneCallback) })
	assert.Equal(t, e.PyStr(), "gatherResults() got an unexpected keyword argument 'fireOnOneCallback'")
	e = mustPanicClass(t, twisted.TypeError, func() { DeferredList([]*Deferred{nil}, DeferredListOption(8)) })
	assert.Equal(t, e.PyStr(), "DeferredList.__init__() got an unexpected keyword argument DeferredListOption(8)")
}

// A negative limit other than NoLimit was read as no limit; Python takes
// it and then overflows on every put. It is refused at construction.
func TestDeferredQueueRejectsNegativeLimits(t *testing.T) {
	e := mustPanicClass(t, twisted.ValueError, func() { NewDeferredQueue(-5, NoLimit) })
	assert.Equal(t, e.PyStr(), "DeferredQueue size must be None (NoLimit) or >= 0, not -5")
	e = mustPanicClass(t, twisted.ValueError, func() { NewDeferredQueue(NoLimit, -2) })
	assert.Equal(t, e.PyStr(), "DeferredQueue backlog must be None (NoLimit) or >= 0, not -2")
	q := NewDeferredQueue(0, NoLimit)
	assert.Assert(t, q.Put(1) != nil)
}
