package conformance

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Options select the scenarios a [Check] runs and whether it runs the
// Python side too.
type Options struct {
	// Run, when set, keeps the scenarios whose name or ID matches.
	Run *regexp.Regexp
	// Grep, when set, keeps the scenarios whose Python text matches.
	Grep *regexp.Regexp
	// Live runs the Python side of each runnable scenario under its
	// suite's runtime, when that runtime is installed, and compares it
	// with the golden.
	Live bool
}

// A Reference is what a runtime's suites were compared against.
type Reference struct {
	Runtime Runtime
	// Interpreter is the runtime's live Python, when configured.
	Interpreter *Interpreter
	// Version is the live Python's "Python x, Twisted y", when it runs.
	Version string
	// Unavailable says why there is no live Python, or why it cannot
	// import Twisted.
	Unavailable string
	// Ran reports whether the live Python was run (Options.Live).
	Ran bool
}

// Describe says, in one line, what the runtime's suites were compared
// against.
func (r *Reference) Describe() string {
	s := "goldens recorded from " + r.Runtime.Name
	switch {
	case r.Ran:
		s += "; live: " + r.Interpreter.String() + " (" + r.Version + ")"
	case r.Unavailable != "":
		s += "; live: not run, not available: " + r.Unavailable
	default:
		s += "; live: not run (-live runs " + r.Interpreter.String() + ", " + r.Version + ")"
	}
	return s
}

// A SuiteReport counts the outcomes of one suite's scenarios.
type SuiteReport struct {
	Suite     *Suite
	Reference *Reference
	Results   []Result
	// Total is how many scenarios the suite holds, selected or not.
	Total                         int
	Passed, Deviations, Fail      int
	LiveSame, LiveDiffer, LiveErr int
}

// A Report is the outcome of a [Check].
type Report struct {
	Suites     []SuiteReport
	References []*Reference
	SuiteReport
}

// OK reports whether every scenario passed or deviated as recorded, every
// live run printed its golden, and no suite was empty.
func (r *Report) OK() bool {
	if r.Fail > 0 || r.LiveDiffer > 0 || r.LiveErr > 0 {
		return false
	}
	for _, s := range r.Suites {
		if s.Total == 0 {
			return false
		}
	}
	return true
}

// RunSuite runs every scenario of s.
func RunSuite(s *Suite) SuiteReport {
	r := Check([]*Suite{s}, Options{})
	return r.Suites[0]
}

// Check runs the scenarios of the suites that opt selects and, with
// opt.Live, their Python side where the runtime is installed.
func Check(suites []*Suite, opt Options) *Report {
	rep := &Report{}
	refs := map[string]*Reference{}
	for _, s := range suites {
		ref := refs[s.Runtime.Name]
		if ref == nil {
			ref = reference(s.Runtime, opt.Live)
			refs[s.Runtime.Name] = ref
			rep.References = append(rep.References, ref)
		}
		sr := SuiteReport{Suite: s, Reference: ref}
		var selected []*Scenario
		for _, sc := range s.Scenarios() {
			sr.Total++
			if opt.Run != nil && !opt.Run.MatchString(sc.Name) && !opt.Run.MatchString(sc.ID()) {
				continue
			}
			if opt.Grep != nil && !opt.Grep.MatchString(sc.Python) {
				continue
			}
			selected = append(selected, sc)
			res := Run(sc)
			sr.Results = append(sr.Results, res)
			switch res.Status {
			case Pass:
				sr.Passed++
			case Deviated:
				sr.Deviations++
			default:
				sr.Fail++
			}
		}
		if ref.Ran && len(selected) > 0 {
			live := map[*Scenario]LiveResult{}
			for _, lr := range RunPython(*ref.Interpreter, selected) {
				live[lr.Scenario] = lr
			}
			for i := range sr.Results {
				lr, ok := live[sr.Results[i].Scenario]
				if !ok {
					continue
				}
				sr.Results[i].Live = &lr
				switch {
				case lr.Err != nil:
					sr.LiveErr++
				case lr.Same():
					sr.LiveSame++
				default:
					sr.LiveDiffer++
				}
			}
		}
		rep.Suites = append(rep.Suites, sr)
		rep.Total += sr.Total
		rep.Passed += sr.Passed
		rep.Deviations += sr.Deviations
		rep.Fail += sr.Fail
		rep.LiveSame += sr.LiveSame
		rep.LiveDiffer += sr.LiveDiffer
		rep.LiveErr += sr.LiveErr
	}
	return rep
}

// reference finds a runtime's live Python and its version.
func reference(rt Runtime, live bool) *Reference {
	ref := &Reference{Runtime: rt}
	in, why := rt.Live()
	if why != "" {
		ref.Unavailable = why
		return ref
	}
	ref.Interpreter = &in
	v, err := in.Version()
	if err != nil {
		ref.Unavailable = err.Error()
		return ref
	}
	ref.Version, ref.Ran = v, live
	return ref
}

// NotLive returns one line saying which runtimes' live Python was not run,
// and why, or "" when every one was.
func (r *Report) NotLive() string {
	var parts []string
	for _, ref := range r.References {
		switch {
		case ref.Ran:
		case ref.Unavailable != "":
			parts = append(parts, fmt.Sprintf("%s (%s; to set up: %s)", ref.Runtime.Key, ref.Unavailable, ref.Runtime.Setup))
		default:
			parts = append(parts, fmt.Sprintf("%s (available, pass -live)", ref.Runtime.Key))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "live Python reference not run, recorded goldens only: " + strings.Join(parts, "; ")
}

// WriteReport runs the suites and writes the conformance report to w (see
// [Report.Write]). It reports whether the check passed.
func WriteReport(w io.Writer, suites []*Suite, verbose bool) bool {
	r := Check(suites, Options{})
	r.Write(w, verbose)
	return r.OK()
}

// Write writes the report: per suite, the counts of passed, deviation and
// failed scenarios and what they were compared against; then each
// deviation with its reason and each failure with its diff; last, a line
// naming the live references not run. Verbose adds, for each deviation,
// the Python's trace beside the Go's.
func (r *Report) Write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "%-22s %7s %9s %6s %9s  %s\n", "suite", "passed", "deviation", "failed", "live", "compared against")
	for _, s := range r.Suites {
		fmt.Fprintf(w, "%-22s %7d %9d %6d %9s  %s\n", s.Suite.Name, s.Passed, s.Deviations, s.Fail, s.liveCount(), s.Reference.short())
		if s.Total == 0 {
			fmt.Fprintf(w, "FAIL suite %s has no scenarios\n", s.Suite.Name)
		}
	}
	fmt.Fprintf(w, "%-22s %7d %9d %6d %9s\n", "total", r.Passed, r.Deviations, r.Fail, r.liveCount())
	for _, ref := range r.References {
		fmt.Fprintf(w, "%s: %s\n", ref.Runtime.Key, ref.Describe())
	}
	for _, s := range r.Suites {
		corpusDeviations := map[string][]string{} // reason → IDs, in order
		var reasons []string
		for _, res := range s.Results {
			sc := res.Scenario
			switch {
			case res.Status == Deviated && s.Suite.corpus != nil && !verbose:
				if corpusDeviations[sc.Deviation.Reason] == nil {
					reasons = append(reasons, sc.Deviation.Reason)
				}
				corpusDeviations[sc.Deviation.Reason] = append(corpusDeviations[sc.Deviation.Reason], sc.Name)
				continue
			}
			switch res.Status {
			case Deviated:
				fmt.Fprintf(w, "\nDEVIATION %s (%s)\n  %s\n", sc.ID(), sc.Source, sc.Deviation.Reason)
				if verbose {
					fmt.Fprintf(w, "  Python:\n%s  Go:\n%s", indent(sc.Expected), indent(res.Got))
				}
			case Fail:
				fmt.Fprintf(w, "\nFAIL %s (%s)\n%s\n", sc.ID(), sc.Source, indent(res.Problem))
			}
			if lr := res.Live; lr != nil && !lr.Same() {
				fmt.Fprintf(w, "\nLIVE %s %s\n%s\n", sc.ID(), lr.status(), indent(lr.problem()))
			}
		}
		for _, reason := range reasons {
			ids := corpusDeviations[reason]
			fmt.Fprintf(w, "\nDEVIATION %s, %d programs: %s\n  %s\n", s.Suite.Name, len(ids), strings.Join(ids, " "), reason)
		}
	}
	if line := r.NotLive(); line != "" {
		fmt.Fprintln(w, line)
	}
}

func (s *SuiteReport) liveCount() string {
	if n := s.LiveSame + s.LiveDiffer + s.LiveErr; n == 0 && (s.Reference == nil || !s.Reference.Ran) {
		return "-"
	}
	return fmt.Sprintf("%d/%d", s.LiveSame, s.LiveSame+s.LiveDiffer+s.LiveErr)
}

func (r *Reference) short() string {
	if r == nil {
		return ""
	}
	if r.Ran {
		return r.Runtime.Key + " goldens + live"
	}
	return r.Runtime.Key + " goldens"
}

func (lr *LiveResult) status() string {
	switch {
	case lr == nil:
		return "-"
	case lr.Err != nil:
		return "error"
	case lr.Same():
		return "same"
	}
	return "differs"
}

func (lr *LiveResult) problem() string {
	if lr.Err != nil {
		return lr.Err.Error()
	}
	if !lr.Scenario.hasGolden() {
		return "no golden recorded: the Python printed\n" + lr.Got
	}
	return "live Python differs from the golden (-golden +python):\n" + Diff(lr.Scenario.Expected, lr.Got)
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
// reason. A corpus's programs are left out: their deviations are the
// corpus's, listed once.
func WriteDeviationTable(w io.Writer, suites []*Suite) {
	fmt.Fprintln(w, "| scenario | what the Python does, and what the Go does instead |")
	fmt.Fprintln(w, "| --- | --- |")
	for _, s := range suites {
		if s.corpus != nil {
			continue
		}
		for _, sc := range s.Scenarios() {
			if sc.Deviation != nil {
				reason := strings.ReplaceAll(strings.TrimSpace(sc.Deviation.Reason), "|", "\\|")
				fmt.Fprintf(w, "| `%s` | %s |\n", sc.ID(), strings.Join(strings.Fields(reason), " "))
			}
		}
	}
}
