package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// A callback of a list's Deferred that returns one of the list's own
// Deferreds, the one whose result just fired the list: the list's
// Deferred takes that result (it has one), and the Deferred's own chain
// still goes on with it, since the list's pair passes on the result it
// was given, not what is left in the Deferred. Twisted 22.4:
//
//	d1, d2 = Deferred(), Deferred(); dl = DeferredList([d1, d2])
//	dl.addCallback(lambda r: d2); dl.addCallback(lambda r: got.append(("dl", r)) or r)
//	d1.callback(1); d2.callback(2); d2.addCallback(lambda r: got.append(("d2", r)) or r)
//	got == [('dl', 2), ('d2', 2)]   (the same with gatherResults)
func TestListCallbackReturnsItsLastDeferred(t *testing.T) {
	for _, gather := range []bool{false, true} {
		d1, d2 := New(), New()
		var dl *Deferred
		if gather {
			dl = GatherResults([]*Deferred{d1, d2})
		} else {
			dl = DeferredList([]*Deferred{d1, d2})
		}
		var got []any
		dl.AddCallback(func(any) (any, error) { return d2, nil })
		dl.AddCallback(func(r any) (any, error) { got = append(got, twisted.Tuple{"dl", r}); return r, nil })
		d1.Callback(1)
		d2.Callback(2)
		d2.AddCallback(func(r any) (any, error) { got = append(got, twisted.Tuple{"d2", r}); return r, nil })
		if g, want := twisted.Repr(got), "[('dl', 2), ('d2', 2)]"; g != want {
			t.Errorf("gather %v: got %s, want %s", gather, g, want)
		}
	}
}
