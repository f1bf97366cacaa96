package flowedges

import (
	"testing"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

func TestConformance(t *testing.T) { conformance.Test(t, Suite) }

// TestPullMode runs every scenario again with drain calling Block's Next
// instead of ranging over All, so that both of Block's ways of running a
// flow (pull, and push for linear chains) are held to the same traces.
func TestPullMode(t *testing.T) {
	pullMode.Store(true)
	defer pullMode.Store(false)
	for _, sc := range Suite.Scenarios() {
		if res := conformance.Run(sc); res.Status == conformance.Fail {
			t.Errorf("%s in pull mode:\n%s\nGo trace:\n%s", sc.ID(), res.Problem, res.Got)
		}
	}
}

// No scenario of the suite depends on the machine's pace: none is run
// again when its trace differs (conformance.Scenario.WallClock); the
// Threaded ones run on the clock too (see threadPool).
func TestNoScenarioOnTheWallClock(t *testing.T) {
	for _, sc := range Suite.Scenarios() {
		if sc.WallClock {
			t.Errorf("%s runs on the wall clock", sc.ID())
		}
	}
}
