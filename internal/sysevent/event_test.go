package sysevent

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twistedflow/twistedflow/internal/leakcheck"
	"github.com/twistedflow/twistedflow/twisted"
	deferred "github.com/twistedflow/twistedflow/twisted/defer"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

// Edge cases checked against Twisted 22.4's _ThreePhaseEvent (the
// expected values are what the Python printed).
func TestEdges(t *testing.T) {
	var ev []string
	appendEv := func(s string) func() { return func() { ev = append(ev, s) } }
	var logged []*twisted.Failure
	log := func(f *twisted.Failure) { logged = append(logged, f) }

	// A before-phase Deferred that fails does not stop the event.
	e := New(log)
	d := deferred.New()
	e.AddTrigger("before", func() any { return d })
	e.AddTrigger("during", appendEv("during"))
	e.FireEvent()
	d.Errback(twisted.RuntimeError.New("x"))
	d.AddErrback(func(*twisted.Failure) (any, error) { return nil, nil }) // handled: not logged at collection
	if diff := cmp.Diff([]string{"during"}, ev); diff != "" {
		t.Errorf("failed before Deferred (-want +got):\n%s", diff)
	}

	// Firing again while the before phase waits runs the new before
	// triggers and then the during phase at once (the second fire waits
	// for no Deferred), leaving the state BASE; the first Deferred firing
	// later runs nothing more.
	ev = nil
	e = New(log)
	d = deferred.New()
	e.AddTrigger("before", func() any { return d })
	e.AddTrigger("during", appendEv("during2"))
	e.FireEvent()
	e.AddTrigger("before", appendEv("before-again"))
	e.FireEvent()
	if diff := cmp.Diff([]string{"before-again", "during2"}, ev); diff != "" || e.State != "BASE" {
		t.Errorf("fired twice (-want +got):\n%s, state %s", diff, e.State)
	}
	d.Callback(nil)
	if diff := cmp.Diff([]string{"before-again", "during2"}, ev); diff != "" {
		t.Errorf("after the first Deferred (-want +got):\n%s", diff)
	}

	// A trigger that is not callable, or called with the wrong arguments,
	// is logged as Python's TypeError; the others run.
	ev = nil
	e = New(log)
	e.AddTrigger("during", 42)
	e.AddTrigger("during", func(a, b any) {}, 1)
	e.AddTrigger("during", nil)
	e.AddTrigger("during", appendEv("ran"))
	e.FireEvent()
	if len(logged) != 3 || !errorsAreTypeErrors(logged) || len(ev) != 1 {
		t.Errorf("logged %v, ran %v", logged, ev)
	}
}

func errorsAreTypeErrors(fs []*twisted.Failure) bool {
	for _, f := range fs {
		if f.Check(twisted.TypeError) == nil {
			return false
		}
	}
	return true
}
