package conformance

import (
	"fmt"
	"io"
	"strings"
)

// A SuiteReport counts the outcomes of one suite's scenarios.
type SuiteReport struct {
	Suite                    *Suite
	Results                  []Result
	Passed, Deviations, Fail int
}

// RunSuite runs every scenario of s.
func RunSuite(s *Suite) SuiteReport {
	r := SuiteReport{Suite: s}
	for _, sc := range s.Scenarios() {
		res := Run(sc)
		r.Results = append(r.Results, res)
		switch res.Status {
		case Pass:
			r.Passed++
		case Deviated:
			r.Deviations++
		default:
			r.Fail++
		}
	}
	return r
}

// WriteReport runs the suites and writes the conformance report to w: per
// suite, the counts of passed, deviation and failed scenarios; then each
// deviation with its reason and each failure with its diff. Verbose adds,
// for each deviation, the Python's trace beside the Go's. It reports
// whether every scenario passed or deviated as recorded.
func WriteReport(w io.Writer, suites []*Suite, verbose bool) bool {
	var reports []SuiteReport
	var total SuiteReport
	fmt.Fprintf(w, "%-22s %7s %9s %6s  %s\n", "suite", "passed", "deviation", "failed", "reference")
	empty := false
	for _, s := range suites {
		r := RunSuite(s)
		reports = append(reports, r)
		total.Passed += r.Passed
		total.Deviations += r.Deviations
		total.Fail += r.Fail
		fmt.Fprintf(w, "%-22s %7d %9d %6d  %s\n", s.Name, r.Passed, r.Deviations, r.Fail, s.Runtime.Name)
		if len(r.Results) == 0 {
			empty = true
			fmt.Fprintf(w, "FAIL suite %s has no scenarios\n", s.Name)
		}
	}
	fmt.Fprintf(w, "%-22s %7d %9d %6d\n", "total", total.Passed, total.Deviations, total.Fail)
	for _, r := range reports {
		for _, res := range r.Results {
			sc := res.Scenario
			switch res.Status {
			case Deviated:
				fmt.Fprintf(w, "\nDEVIATION %s (%s)\n  %s\n", sc.ID(), sc.Source, sc.Deviation.Reason)
				if verbose {
					fmt.Fprintf(w, "  Python:\n%s  Go:\n%s", indent(sc.Expected), indent(res.Got))
				}
			case Fail:
				fmt.Fprintf(w, "\nFAIL %s (%s)\n%s\n", sc.ID(), sc.Source, indent(res.Problem))
			}
		}
	}
	return total.Fail == 0 && !empty
}

func indent(s string) string {
	if s == "" {
		return "    (nothing)\n"
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return "    " + strings.Join(lines, "\n    ") + "\n"
}

// WriteDeviationTable writes, as a Markdown table, every scenario of the
// suites that records a deviation: its ID (as PORTING.md names it) and the
// reason.
func WriteDeviationTable(w io.Writer, suites []*Suite) {
	fmt.Fprintln(w, "| scenario | what the Python does, and what the Go does instead |")
	fmt.Fprintln(w, "| --- | --- |")
	for _, s := range suites {
		for _, sc := range s.Scenarios() {
			if sc.Deviation != nil {
				reason := strings.ReplaceAll(strings.TrimSpace(sc.Deviation.Reason), "|", "\\|")
				fmt.Fprintf(w, "| `%s` | %s |\n", sc.ID(), strings.Join(strings.Fields(reason), " "))
			}
		}
	}
}
