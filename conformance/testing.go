package conformance

import (
	"os"
	"testing"
)

// Test runs every scenario of a suite as a subtest of t: the Go
// transcription against the golden and, when the suite's Runtime is
// installed, the Python side live against the golden too. Without the
// runtime the live part is skipped with the reason — except under CI=true
// for the Modern runtime, which CI installs, where its absence fails.
func Test(t *testing.T, s *Suite) {
	t.Helper()
	scenarios := s.Scenarios()
	if len(scenarios) == 0 {
		t.Fatalf("suite %s has no scenarios", s.Name)
	}
	for _, sc := range scenarios {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			res := Run(sc)
			switch res.Status {
			case Fail:
				t.Errorf("%s (%s)\n%s\nGo trace:\n%s", sc.ID(), sc.Source, res.Problem, res.Got)
			case Deviated:
				t.Logf("deviation: %s", sc.Deviation.Reason)
			}
		})
	}
	in, why := s.Runtime.Live()
	t.Run("python", func(t *testing.T) {
		if why != "" {
			if s.Runtime.Name == Modern.Name && os.Getenv("CI") == "true" {
				t.Fatalf("CI=true but the live reference is missing: %s", why)
			}
			t.Skipf("live Python reference not run: %s", why)
		}
		var runnable []*Scenario
		for _, sc := range scenarios {
			if sc.err == nil {
				runnable = append(runnable, sc)
			}
		}
		for _, r := range RunPython(in, runnable) {
			t.Run(r.Scenario.Name, func(t *testing.T) {
				sc := r.Scenario
				if r.Err != nil {
					t.Fatalf("%s: the Python side failed: %v", sc.ID(), r.Err)
				}
				if r.Got != sc.Expected {
					t.Errorf("%s: live Python differs from the golden (-golden +python):\n%s", sc.ID(), Diff(sc.Expected, r.Got))
				}
			})
		}
	})
}
