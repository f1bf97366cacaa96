package conformance

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Origin says where a scenario's expected trace came from.
type Origin string

const (
	// Recorded: the golden is the output of a run of the real Python under
	// the suite's Runtime; the oracle can record it again.
	Recorded Origin = "recorded"
	// Assertion: the Python cannot run here (it needs a service the oracle
	// does not have); the golden states the values the Python test's
	// assertions check, read from its text.
	Assertion Origin = "assertion"
)

// Kind says what a scenario transcribes.
type Kind string

const (
	// TranscribedTest: a test of Twisted's own suites, kept line for line.
	TranscribedTest Kind = "transcribed test"
	// DocExample: an example from a docstring, the howto or a module's text.
	DocExample Kind = "doc example"
	// EdgeCase: a case of our own, written against the Python to pin its
	// behaviour where no test of Twisted's does.
	EdgeCase Kind = "edge case"
	// CorpusProgram: one generated program of a differential corpus (see
	// [NewCorpus]).
	CorpusProgram Kind = "corpus"
)

// kindOf guesses a scenario's kind from its Source: a file under a test
// directory is a transcribed test; a docstring, a document under doc/ or a
// post to the Twisted-Python list a doc example; anything else (our own
// case against a Twisted file, or our own testdata) an edge case.
func kindOf(source string) Kind {
	file, _, _ := strings.Cut(source, " ")
	switch {
	case strings.Contains(file, "/test/") || strings.HasPrefix(path.Base(file), "test_"):
		return TranscribedTest
	case strings.HasPrefix(file, "doc/") || strings.Contains(source, "docstring") || strings.Contains(source, "Twisted-Python"):
		return DocExample
	}
	return EdgeCase
}

// A Scenario is one piece of Python transcribed into Go, with the trace both
// must print. See the package documentation.
type Scenario struct {
	// Name is the Python class and test ("FlowTest.testBasic"), or a short
	// name for a doc example or edge case ("howto.printFlow"). The Python
	// side is testdata/<Name>.py, its trace testdata/<Name>.golden.
	Name string
	// Source names the Python text: file, class and test or doc section.
	Source string
	// Origin says where the golden came from.
	Origin Origin
	// Kind says what the scenario transcribes; when empty, Add guesses it
	// from Source (a test file, another Twisted file or doc, or our own).
	Kind Kind
	// Run is the Go transcription. It prints its trace through t.
	Run func(t *T)
	// Deviation, when set, records a deliberate difference from the Python.
	Deviation *Deviation
	// WallClock marks a scenario that runs on the real clock with timers a
	// few hundredths of a second apart (trial's tests of callLater): a
	// machine loaded enough to hold the reactor back longer than that runs
	// two timers in one iteration, and the Python, like the Go, can print
	// another trace. A run, Go or Python, whose trace differs from its
	// golden is repeated, up to [WallClockRuns] runs in all, before it
	// counts. What the scenario asserts is unchanged: a real difference
	// differs in every run.
	WallClock bool

	// Python is the Python text, loaded from testdata/<Name>.py.
	Python string
	// Prelude is the suite's shared Python prelude (testdata/prelude.py,
	// if the suite has one), run before Python.
	Prelude string
	// Expected is the Python's trace, loaded from testdata/<Name>.golden.
	Expected string

	suite *Suite
	// at is where the scenario was registered: the file and line of the
	// outermost call in the program that led to Add (an init function's
	// line, usually that of the transcription).
	at string
	id int // a corpus program's id
	// noGolden: the golden was never recorded (its file is missing).
	noGolden bool
	err      error
	// scriptErr is err when it is the Python side that could not be
	// loaded (the prelude, an include, the script).
	scriptErr error
}

// ScriptError reports why the scenario's Python script could not be put
// together (its prelude, an include or its .py missing or unreadable), or
// nil: a missing golden is not such an error, as the oracle records it.
func (sc *Scenario) ScriptError() error { return sc.scriptErr }

// A Deviation records where the Go port deliberately differs from the
// Python — because the Python crashes, hangs or races there — and why. The
// Go trace it prints instead is kept in testdata/<Name>.go.golden.
type Deviation struct {
	// Reason says what the Python does wrong and what the Go does instead.
	Reason string
	// Expected is the Go trace, loaded from testdata/<Name>.go.golden.
	Expected string
	// suffix: the Go trace need only end with Expected (a corpus's
	// deviation, where the Python's other path printed less).
	suffix bool
}

// ID returns "<suite>/<name>".
func (s *Scenario) ID() string { return s.suite.Name + "/" + s.Name }

// Suite returns the suite the scenario belongs to.
func (s *Scenario) Suite() *Suite { return s.suite }

// A Suite is the scenarios transcribed from one Python module or document,
// all run by the same Runtime.
type Suite struct {
	// Name is the Python module or document ("test_flow.py").
	Name string
	// Runtime runs the suite's Python side.
	Runtime Runtime

	files     fs.FS
	dir       string  // the suite's source directory, for re-recording
	corpus    *Corpus // set for a suite made by NewCorpus
	mu        sync.Mutex
	scenarios []*Scenario
}

var (
	registryMu sync.Mutex
	registry   []*Suite
)

// NewSuite makes and registers a suite whose Python texts and goldens are
// in files, under a testdata directory (an embed.FS of testdata).
func NewSuite(name string, rt Runtime, files fs.FS) *Suite {
	s := &Suite{Name: name, Runtime: rt, files: files}
	if _, file, _, ok := runtime.Caller(1); ok {
		s.dir = filepath.Dir(file)
	}
	registryMu.Lock()
	registry = append(registry, s)
	registryMu.Unlock()
	return s
}

// Suites returns every registered suite, by name.
func Suites() []*Suite {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := append([]*Suite(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Add registers a scenario, loading its Python text and goldens. A missing
// file is not a panic: the scenario then fails when run, saying which.
func (s *Suite) Add(sc Scenario) {
	sc.suite = s
	sc.at = registrationSite()
	if sc.Kind == "" {
		sc.Kind = kindOf(sc.Source)
	}
	if s.corpus != nil {
		sc.err = fmt.Errorf("scenario %s: a corpus suite holds only its programs", sc.Name)
		s.append(&sc)
		return
	}
	if _, err := fs.Stat(s.files, "testdata/prelude.py"); err == nil {
		sc.Prelude, sc.err = s.read("prelude.py")
		if sc.err == nil {
			sc.Prelude, sc.err = expandIncludes(sc.Prelude)
		}
	}
	if sc.err == nil {
		sc.Python, sc.err = s.read(sc.Name + ".py")
	}
	sc.scriptErr = sc.err
	if sc.err == nil {
		sc.Expected, sc.err = s.read(sc.Name + ".golden")
		sc.noGolden = sc.err != nil
	}
	if sc.err == nil && sc.Deviation != nil {
		d := *sc.Deviation
		d.Expected, sc.err = s.read(sc.Name + ".go.golden")
		sc.Deviation = &d
	}
	if sc.err == nil && sc.Run == nil {
		sc.err = fmt.Errorf("scenario %s has no Go transcription", sc.Name)
	}
	if sc.err == nil && sc.Origin != Recorded && sc.Origin != Assertion {
		sc.err = fmt.Errorf("scenario %s: Origin must be Recorded or Assertion", sc.Name)
	}
	s.append(&sc)
}

func (s *Suite) append(sc *Scenario) {
	s.mu.Lock()
	for _, old := range s.scenarios {
		if old.Name == sc.Name {
			sc.err = fmt.Errorf("scenario %s registered twice", sc.Name)
		}
	}
	s.scenarios = append(s.scenarios, sc)
	s.mu.Unlock()
}

// registrationSite returns "file:line" of the outermost frame of the
// calling goroutine that is not the runtime's or the testing package's:
// for a scenario registered from an init function, through helpers or not,
// the line in that init function.
func registrationSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	site := ""
	for {
		f, more := frames.Next()
		if f.Function != "" && !strings.HasPrefix(f.Function, "runtime.") && !strings.HasPrefix(f.Function, "testing.") {
			site = fmt.Sprintf("%s:%d", f.File, f.Line)
		}
		if !more {
			return site
		}
	}
}

// Location returns where the Go transcription was registered, as
// "file:line" (relative to the working directory when under it).
func (s *Scenario) Location() string {
	if rel, ok := relative(s.at); ok {
		return rel
	}
	return s.at
}

// relative returns p relative to the working directory, if under it.
func relative(p string) (string, bool) {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(p) {
		return "", false
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	return rel, true
}

// Corpus returns the corpus a suite made by NewCorpus runs, or nil.
func (s *Suite) Corpus() *Corpus { return s.corpus }

// Scenarios returns the suite's scenarios, by name.
func (s *Suite) Scenarios() []*Scenario {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]*Scenario(nil), s.scenarios...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (s *Suite) read(name string) (string, error) {
	b, err := fs.ReadFile(s.files, path.Join("testdata", name))
	if err != nil {
		return "", fmt.Errorf("missing %s: %w", path.Join("testdata", name), err)
	}
	return normalize(string(b)), nil
}

// normalize ends a trace with exactly one newline (none when empty), so
// that a trailing blank line in a golden file does not count.
func normalize(s string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	return s + "\n"
}

// GoldenPath returns where the scenario's Python golden lives in the source
// tree, for the oracle to re-record it.
func (s *Scenario) GoldenPath() string {
	return filepath.Join(s.suite.dir, "testdata", s.Name+".golden")
}

// Script returns the Python program the oracle runs: the suite's prelude,
// then the scenario's text.
func (s *Scenario) Script() string { return s.Prelude + s.Python }

// includeDirective starts a prelude line that stands for a shared prelude
// of conformance/preludes: "# conformance:include pyunit3.py".
const includeDirective = "# conformance:include "

//go:embed preludes
var preludes embed.FS

// expandIncludes replaces each include line of a suite's prelude by the
// shared prelude it names, so that suites of one runtime share one stand-in
// for trial's TestCase instead of each keeping a copy. A shared prelude may
// include another (pyunit3.py includes testmodule.py).
func expandIncludes(prelude string) (string, error) { return expandNested(prelude, nil) }

// expandNested is expandIncludes inside the shared preludes named by
// within, the chain of includes that led to prelude; a name already in it
// is a cycle, an error.
func expandNested(prelude string, within []string) (string, error) {
	if !strings.Contains(prelude, includeDirective) {
		return prelude, nil
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(prelude, "\n") {
		name, ok := strings.CutPrefix(strings.TrimRight(line, "\n"), includeDirective)
		if !ok {
			b.WriteString(line)
			continue
		}
		name = strings.TrimSpace(name)
		if slices.Contains(within, name) {
			return "", fmt.Errorf("prelude include: %s includes itself (%s)", name, strings.Join(append(within, name), " -> "))
		}
		text, err := fs.ReadFile(preludes, path.Join("preludes", name))
		if err != nil {
			return "", fmt.Errorf("prelude include: %w", err)
		}
		expanded, err := expandNested(normalize(string(text)), append(within[:len(within):len(within)], name))
		if err != nil {
			return "", err
		}
		b.WriteString(expanded)
	}
	return b.String(), nil
}
