package conformance

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// WriteList writes every selected scenario, suite by suite: a header line
// per suite saying what it was compared against, then a line per scenario
// with its status, live outcome (same, differs, error; "-" when not run
// live, "n/a" for a golden stated from assertions), kind, where its golden
// came from, and name.
func (r *Report) WriteList(w io.Writer) {
	for _, s := range r.Suites {
		fmt.Fprintf(w, "== %s: %d of %d scenarios; %s\n", s.Suite.Name, len(s.Results), s.Total, s.Reference.Describe())
		for _, res := range s.Results {
			sc := res.Scenario
			live := res.Live.status()
			if res.Live == nil && s.Reference.Ran && !sc.Runnable() {
				live = "n/a" // a golden stated from assertions: no script to run
			}
			fmt.Fprintf(w, "%-9s %-7s %-16s %-9s %s\n", res.Status, live, sc.Kind, sc.Origin, sc.Name)
		}
	}
	fmt.Fprintf(w, "total: %d passed, %d deviations, %d failed", r.Passed, r.Deviations, r.Fail)
	if n := r.LiveSame + r.LiveDiffer + r.LiveErr; n > 0 {
		fmt.Fprintf(w, "; live: %d same, %d differ, %d errors", r.LiveSame, r.LiveDiffer, r.LiveErr)
	}
	fmt.Fprintln(w)
	if line := r.NotLive(); line != "" {
		fmt.Fprintln(w, line)
	}
}

// The JSON form of a report (see [Report.WriteJSON]).
type (
	jsonReport struct {
		OK         bool            `json:"ok"`
		Counts     jsonCounts      `json:"counts"`
		References []jsonReference `json:"references"`
		NotLive    string          `json:"not_live,omitempty"`
		Suites     []jsonSuite     `json:"suites"`
	}
	jsonCounts struct {
		Scenarios  int `json:"scenarios"`
		Selected   int `json:"selected"`
		Passed     int `json:"passed"`
		Deviations int `json:"deviations"`
		Failed     int `json:"failed"`
		LiveSame   int `json:"live_same"`
		LiveDiffer int `json:"live_differ"`
		LiveErrors int `json:"live_errors"`
	}
	jsonReference struct {
		Runtime     string `json:"runtime"`
		Description string `json:"description"`
		Python      string `json:"python,omitempty"`
		PythonPath  string `json:"pythonpath,omitempty"`
		Version     string `json:"version,omitempty"`
		Unavailable string `json:"unavailable,omitempty"`
		Live        bool   `json:"live"`
	}
	jsonSuite struct {
		Name            string         `json:"name"`
		Runtime         string         `json:"runtime"`
		ComparedAgainst string         `json:"compared_against"`
		Corpus          bool           `json:"corpus"`
		Counts          jsonCounts     `json:"counts"`
		Scenarios       []jsonScenario `json:"scenarios"`
	}
	jsonScenario struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Kind      Kind   `json:"kind"`
		Origin    Origin `json:"origin"`
		Source    string `json:"source"`
		Go        string `json:"go"`
		Status    Status `json:"status"`
		Problem   string `json:"problem,omitempty"`
		Deviation string `json:"deviation,omitempty"`
		Live      string `json:"live"`
		LiveDiff  string `json:"live_problem,omitempty"`
	}
)

func (s *SuiteReport) counts() jsonCounts {
	return jsonCounts{Scenarios: s.Total, Selected: len(s.Results), Passed: s.Passed, Deviations: s.Deviations, Failed: s.Fail,
		LiveSame: s.LiveSame, LiveDiffer: s.LiveDiffer, LiveErrors: s.LiveErr}
}

// WriteJSON writes the report as one JSON object: ok, the counts, each
// reference (runtime, live interpreter and version, or why it is
// unavailable), and each suite with its scenarios and their outcomes.
func (r *Report) WriteJSON(w io.Writer) error {
	out := jsonReport{OK: r.OK(), NotLive: r.NotLive(), References: []jsonReference{}, Suites: []jsonSuite{}}
	out.Counts = r.counts()
	out.Counts.Selected = 0
	for _, ref := range r.References {
		jr := jsonReference{Runtime: ref.Runtime.Key, Description: ref.Runtime.Name, Version: ref.Version, Unavailable: ref.Unavailable, Live: ref.Ran}
		if ref.Interpreter != nil {
			jr.Python, jr.PythonPath = ref.Interpreter.Python, ref.Interpreter.PythonPath
		}
		out.References = append(out.References, jr)
	}
	for _, s := range r.Suites {
		js := jsonSuite{Name: s.Suite.Name, Runtime: s.Suite.Runtime.Key, ComparedAgainst: s.Reference.Describe(),
			Corpus: s.Suite.corpus != nil, Counts: s.counts(), Scenarios: []jsonScenario{}}
		out.Counts.Selected += len(s.Results)
		for _, res := range s.Results {
			sc := res.Scenario
			j := jsonScenario{ID: sc.ID(), Name: sc.Name, Kind: sc.Kind, Origin: sc.Origin, Source: sc.Source, Go: sc.Location(),
				Status: res.Status, Problem: res.Problem, Live: res.Live.status()}
			if sc.Deviation != nil {
				j.Deviation = sc.Deviation.Reason
			}
			if res.Live != nil && !res.Live.Same() {
				j.LiveDiff = res.Live.problem()
			}
			js.Scenarios = append(js.Scenarios, j)
		}
		out.Suites = append(out.Suites, js)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteShow writes one scenario whole: where it comes from, the Python
// text, where its Go transcription is, then the golden and the Go trace
// side by side (and, when run live, what the Python printed).
func WriteShow(w io.Writer, res Result) {
	sc := res.Scenario
	fmt.Fprintf(w, "scenario  %s\n", sc.ID())
	fmt.Fprintf(w, "kind      %s, golden %s\n", sc.Kind, sc.Origin)
	fmt.Fprintf(w, "source    %s\n", sc.Source)
	fmt.Fprintf(w, "runtime   %s\n", sc.suite.Runtime.Name)
	fmt.Fprintf(w, "Go        %s\n", sc.Location())
	fmt.Fprintf(w, "status    %s\n", res.Status)
	if sc.Deviation != nil {
		fmt.Fprintf(w, "deviation %s\n", strings.Join(strings.Fields(sc.Deviation.Reason), " "))
	}
	if c := sc.suite.corpus; c != nil {
		fmt.Fprintf(w, "\n--- Python: the program, run by %s\n%s", sc.suite.file(c.Interpreter), sc.Python)
	} else {
		fmt.Fprintf(w, "\n--- Python: %s", sc.suite.file(sc.Name+".py"))
		if sc.Prelude != "" {
			fmt.Fprintf(w, " (run after the suite's %s)", sc.suite.file("prelude.py"))
		}
		fmt.Fprintf(w, "\n%s", sc.Python)
	}
	if sc.Deviation != nil {
		fmt.Fprintf(w, "\n--- what the Python printed (golden, %s)\n%s", sc.Origin, indent(sc.Expected))
		title := "the Go golden (the deviation)"
		if sc.Deviation.suffix {
			title = "the Go trace's expected end"
		}
		fmt.Fprintf(w, "\n--- %s beside the Go trace; '!' marks a differing line\n", title)
		sideBySide(w, "Go golden", sc.Deviation.Expected, "Go trace", res.Got, sc.Deviation.suffix)
	} else {
		fmt.Fprintf(w, "\n--- what the Python printed (golden, %s) beside the Go trace; '!' marks a differing line\n", sc.Origin)
		sideBySide(w, "golden", sc.Expected, "Go trace", res.Got, false)
	}
	if res.Problem != "" {
		fmt.Fprintf(w, "\n--- problem\n%s", indent(res.Problem))
	}
	if lr := res.Live; lr != nil {
		fmt.Fprintf(w, "\n--- live Python: %s\n", lr.status())
		if lr.Same() {
			fmt.Fprint(w, indent(lr.Got))
		} else {
			fmt.Fprint(w, indent(lr.problem()))
		}
	}
}

// file names a file of the suite's testdata, relative to the working
// directory when under it.
func (s *Suite) file(name string) string {
	p := filepath.Join(s.dir, "testdata", name)
	if rel, ok := relative(p); ok {
		return rel
	}
	return p
}

// sideBySide writes two traces in two columns, marking differing lines;
// with alignEnd, the left is a trace the right need only end with, and the
// right's lines before it are not marked.
func sideBySide(w io.Writer, leftTitle, left, rightTitle, right string, alignEnd bool) {
	l := strings.Split(strings.TrimRight(left, "\n"), "\n")
	r := strings.Split(strings.TrimRight(right, "\n"), "\n")
	skip := 0
	if alignEnd && len(r) > len(l) {
		skip = len(r) - len(l)
		l = append(make([]string, skip), l...)
	}
	width := len(leftTitle)
	for _, line := range l {
		width = max(width, len(line))
	}
	width = min(width, 60)
	fmt.Fprintf(w, "  %-*s | %s\n", width, leftTitle, rightTitle)
	for i := range max(len(l), len(r)) {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		mark := " "
		if a != b && i >= skip {
			mark = "!"
		}
		fmt.Fprintf(w, "%s %-*s | %s\n", mark, width, a, b)
	}
}
