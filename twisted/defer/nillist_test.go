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
