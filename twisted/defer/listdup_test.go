package deferred

import (
	"testing"

	"github.com/twistedflow/twistedflow/twisted"
)

// A Deferred given twice to a DeferredList has two pairs, each with its own
// index, run in order: with consumeErrors the first sees the failure and
// turns it into None, which the second sees as a success. Twisted 22.4:
//
//	d = Deferred()
//	DeferredList([d, d], consumeErrors=True).addCallback(out.append)
//	d.errback(ValueError("x"))   # out: [[(False, <Failure>), (True, None)]], d.result None
//	d2 = Deferred(); gatherResults([d2, d2]).addCallback(out.append)
//	d2.callback(7)               # out gets [7, 7]
func TestDeferredListSameDeferredTwice(t *testing.T) {
	d := New()
	var got []any
	DeferredList([]*Deferred{d, d}, ConsumeErrors).AddCallback(func(r any) (any, error) {
		got = r.([]any)
		return nil, nil
	})
	d.Errback(twisted.ValueError.New("x"))
	if len(got) != 2 {
		t.Fatalf("list result %v, want two pairs", got)
	}
	first, second := got[0].(twisted.Tuple), got[1].(twisted.Tuple)
	if f, ok := first[1].(*twisted.Failure); first[0] != FAILURE || !ok || f.Type != twisted.ValueError {
		t.Errorf("first pair %v, want (False, ValueError failure)", first)
	}
	if second[0] != SUCCESS || second[1] != nil {
		t.Errorf("second pair %v, want (True, None)", second)
	}
	if d.Result() != nil {
		t.Errorf("d's result %v, want None", d.Result())
	}

	d2 := New()
	g := GatherResults([]*Deferred{d2, d2})
	d2.Callback(7)
	if r, ok := g.Result().([]any); !ok || len(r) != 2 || r[0] != 7 || r[1] != 7 {
		t.Errorf("gatherResults([d2, d2]) gave %v, want [7 7]", g.Result())
	}
}

// A pair with a nil half passes what that half would take on unchanged,
// and the other half still runs (Twisted's passthru and _failthru).
func TestNilHalfPassesOn(t *testing.T) {
	d := New()
	d.AddCallbacks(func(r any) (any, error) { return r.(int) + 1, nil }, nil)
	d.AddErrback(nil)
	d.Callback(1)
	if d.Result() != 2 {
		t.Errorf("callback path gave %v, want 2", d.Result())
	}

	e := New()
	e.AddCallbacks(nil, nil)
	e.AddCallbacks(func(any) (any, error) { t.Error("callback ran on a failure"); return nil, nil }, nil)
	var seen *twisted.Failure
	e.AddErrback(func(f *twisted.Failure) (any, error) { seen = f; return "handled", nil })
	e.Errback(twisted.ValueError.New("y"))
	if seen == nil || seen.Type != twisted.ValueError || e.Result() != "handled" {
		t.Errorf("errback saw %v, result %v; want the ValueError, then handled", seen, e.Result())
	}
}
