package all

import (
	"os"
	"strings"
	"testing"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.Main(m) }

// Every deviation a scenario records is listed in PORTING.md, so that a
// porter reading it learns of each (go run ./conformance/cmd/report
// -deviations prints the table to paste).
func TestPortingListsEveryDeviation(t *testing.T) {
	b, err := os.ReadFile("../../../PORTING.md")
	if err != nil {
		t.Fatal(err)
	}
	porting := string(b)
	n := 0
	for _, s := range conformance.Suites() {
		if s.Corpus() != nil {
			continue // a corpus's deviation is its own, listed once
		}
		for _, sc := range s.Scenarios() {
			if sc.Deviation == nil {
				continue
			}
			n++
			if !strings.Contains(porting, "`"+sc.ID()+"`") {
				t.Errorf("PORTING.md does not list the deviation %s", sc.ID())
			}
		}
	}
	if n == 0 {
		t.Fatal("no deviation registered: are the suites imported?")
	}
}
