package flowfuzz

import (
	"testing"

	"github.com/twistedflow/twistedflow/conformance"
)

// TestConformance runs every program against the original's recorded
// trace and, when TWISTEDFLOW_PYTHON2 and TWISTEDFLOW_PYTHONPATH2 point at
// the 2009 Twisted, against the original run live.
func TestConformance(t *testing.T) { conformance.Test(t, Suite) }

// The corpus is whole: every program generated has its scenario.
func TestCorpusSize(t *testing.T) {
	if n := len(Suite.Scenarios()); n != programCount {
		t.Fatalf("%d scenarios, want the %d programs", n, programCount)
	}
}
