package conformance

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// A LiveResult is what a scenario's Python side printed when run live.
type LiveResult struct {
	Scenario *Scenario
	// Got is the Python's trace.
	Got string
	// Err says why the Python side could not run or failed (its stderr).
	Err error
}

// Same reports whether the Python printed the recorded golden.
func (r LiveResult) Same() bool {
	return r.Err == nil && r.Got == r.Scenario.Expected && r.Scenario.hasGolden()
}

// hasGolden reports whether the scenario's golden was recorded (its file
// exists, or its corpus holds its trace).
func (s *Scenario) hasGolden() bool {
	return s.scriptErr == nil && !s.noGolden
}

// Runnable reports whether the scenario's Python side can run here: its
// golden was recorded (Origin Recorded), not stated from assertions.
func (s *Scenario) Runnable() bool { return s.Origin == Recorded }

// RunPython runs the Python side of the scenarios under in, a scenario at
// a time (a corpus once for all its programs), as many at once as there
// are CPUs, and returns what each printed, in the order given. Scenarios
// that are not Runnable are left out. A [Scenario.WallClock] scenario
// that prints another trace than its golden runs again, up to
// WallClockRuns times in all.
func RunPython(in Interpreter, scenarios []*Scenario) []LiveResult {
	var results []LiveResult
	index := map[*Scenario]int{}
	corpora := map[*Suite][]*Scenario{}
	for _, sc := range scenarios {
		if !sc.Runnable() {
			continue
		}
		index[sc] = len(results)
		results = append(results, LiveResult{Scenario: sc})
		if sc.suite.corpus != nil {
			corpora[sc.suite] = append(corpora[sc.suite], sc)
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range results {
		r := &results[i]
		if r.Scenario.suite.corpus != nil {
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if err := r.Scenario.scriptErr; err != nil {
				r.Err = err
				return
			}
			for runs := 1; ; runs++ {
				r.Got, r.Err = in.Exec(r.Scenario.Script())
				if r.Err != nil || r.Same() || !r.Scenario.WallClock || !r.Scenario.hasGolden() || runs == WallClockRuns {
					break
				}
			}
		})
	}
	for s, scs := range corpora {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			traces, err := s.runCorpus(in)
			for _, sc := range scs {
				r := &results[index[sc]]
				switch trace, ok := traces[sc.id]; {
				case err != nil:
					r.Err = err
				case !ok:
					r.Err = fmt.Errorf("the interpreter printed no trace for program %d", sc.id)
				default:
					r.Got = trace
				}
			}
		})
	}
	wg.Wait()
	return results
}

// runCorpus runs a corpus's Python interpreter over all its programs.
func (s *Suite) runCorpus(in Interpreter) (map[int]string, error) {
	script, err := fs.ReadFile(s.files, "testdata/"+s.corpus.Interpreter)
	if err != nil {
		return nil, err
	}
	programs, err := fs.ReadFile(s.files, "testdata/"+programsFile)
	if err != nil {
		return nil, err
	}
	out, err := in.run(map[string][]byte{s.corpus.Interpreter: script, programsFile: programs}, s.corpus.Interpreter, programsFile)
	if err != nil {
		return nil, err
	}
	return ParseTraces(out)
}

// Record writes what the Python printed as the new goldens: each
// scenario's testdata/<Name>.golden in its suite's source directory, and
// for a corpus, its programs' traces into testdata/traces.golden (the
// programs not run keep theirs). Results with an error are not recorded.
func Record(results []LiveResult) error {
	corpora := map[*Suite]map[int]string{}
	for _, r := range results {
		if r.Err != nil {
			continue
		}
		sc := r.Scenario
		if sc.suite.corpus == nil {
			if err := os.WriteFile(sc.GoldenPath(), []byte(r.Got), 0o644); err != nil {
				return err
			}
			continue
		}
		if corpora[sc.suite] == nil {
			corpora[sc.suite] = map[int]string{}
		}
		corpora[sc.suite][sc.id] = r.Got
	}
	for s, traces := range corpora {
		file := filepath.Join(s.dir, "testdata", tracesFile)
		old, err := os.ReadFile(file)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		all, err := ParseTraces(string(old))
		if err != nil {
			all = map[int]string{}
		}
		for id, trace := range traces {
			all[id] = trace
		}
		if err := os.WriteFile(file, []byte(formatTraces(all)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var versions sync.Map // Interpreter → string

// Version returns the interpreter's Python and Twisted versions
// ("Python 2.7.18, Twisted 8.2.0+r27097"), or why they could not be read.
func (in Interpreter) Version() (string, error) {
	if v, ok := versions.Load(in); ok {
		return v.(string), nil
	}
	out, err := in.Exec("import sys, twisted\nsys.stdout.write('Python %s, Twisted %s\\n' % (sys.version.split()[0], twisted.__version__))\n")
	if err != nil {
		return "", fmt.Errorf("%s cannot import twisted: %s", in.Python, lastLine(err.Error()))
	}
	v := strings.TrimSpace(out)
	versions.Store(in, v)
	return v, nil
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndex(s, "\n")+1:]
}

// String describes the interpreter: its path, and its PYTHONPATH if set.
func (in Interpreter) String() string {
	if in.PythonPath == "" {
		return in.Python
	}
	return fmt.Sprintf("%s with PYTHONPATH=%s", in.Python, in.PythonPath)
}
