package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
	"gotest.tools/v3/assert"
)

// Issue 19: the zero Deferred is usable, as the documentation now says:
// every operation New's Deferred supports works on one declared as a
// variable or embedded in a struct.
func TestZeroDeferred(t *testing.T) {
	var d Deferred
	var got []any
	d.AddCallback(func(r any) (any, error) { return r.(int) + 1, nil })
	d.Callback(1)
	d.AddCallback(appendTo(&got))
	assert.DeepEqual(t, got, []any{2})

	// Failures, with an errback; cancellation without a canceller.
	var e Deferred
	e.Cancel()
	failureResultOf(t, &e, CancelledError)
	var late Deferred
	late.Errback(twisted.ValueError.New("v"))
	failureResultOf(t, &late, twisted.ValueError)

	// Pause, chaining onto a zero Deferred held in a struct, lists.
	var holder struct{ inner, outer Deferred }
	holder.outer.Pause()
	holder.outer.AddCallback(func(any) (any, error) { return &holder.inner, nil })
	holder.outer.Callback("x")
	holder.outer.Unpause()
	assert.Assert(t, holder.outer.ChainedTo() == &holder.inner)
	var list Deferred
	dl := DeferredList([]*Deferred{&holder.outer, &list})
	holder.inner.Callback("inner")
	list.Callback("list")
	assert.Equal(t, twisted.Repr(successResultOf(t, dl)), "[(True, 'inner'), (True, 'list')]")
	assert.Assert(t, twisted.Repr(&list) != "")
}
