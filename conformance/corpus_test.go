package conformance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"
)

func TestParseTraces(t *testing.T) {
	traces, err := ParseTraces("=== 0\na\nb\n=== 2\n=== 7\nc\n")
	assert.NilError(t, err)
	assert.DeepEqual(t, traces, map[int]string{0: "a\nb\n", 2: "", 7: "c\n"})
	assert.Equal(t, formatTraces(traces), "=== 0\na\nb\n=== 2\n=== 7\nc\n")
	_, err = ParseTraces("a\n")
	assert.ErrorContains(t, err, "before any header")
	_, err = ParseTraces("=== x\n")
	assert.ErrorContains(t, err, "bad header")
}

// fakeCorpus is a corpus whose Go interpreter prints "x<n>" for a program
// {"id": i, "n": n}, and "x<n>" then "boom" when it has "boom".
func fakeCorpus(files map[string]string, deviation func(string) (string, string, bool)) *Suite {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["testdata/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	s := &Suite{Name: "fake corpus", Runtime: Modern, files: fsys, corpus: &Corpus{
		Interpreter: "interp.py",
		Run: func(t *T, raw json.RawMessage) {
			var p struct{ N, Boom int }
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatalf("%v", err)
			}
			t.Printf("x%d", p.N)
			if p.Boom > 0 {
				t.Print("boom")
			}
		},
		Deviation: deviation,
	}}
	if err := s.loadCorpus(); err != nil {
		s.append(&Scenario{Name: "corpus", suite: s, err: err})
	}
	return s
}

func statuses(s *Suite) map[string]Status {
	out := map[string]Status{}
	for _, sc := range s.Scenarios() {
		out[sc.Name] = Run(sc).Status
	}
	return out
}

// Each program is a scenario, named by its id zero-padded, judged against
// its trace; a documented deviation with suffix needs only the end.
func TestCorpusProgramsAreScenarios(t *testing.T) {
	files := map[string]string{
		"interp.py":     "",
		"programs.json": `[{"id": 0, "n": 1}, {"id": 1, "n": 2}, {"id": 2, "n": 3}, {"id": 3, "n": 4, "boom": 1}, {"id": 10, "n": 5}]`,
		"traces.golden": "=== 0\nx1\n=== 1\nx9\n=== 2\nDEV\nx3\n=== 3\nDEV\nboom\n",
	}
	s := fakeCorpus(files, func(python string) (string, string, bool) {
		if rest, ok := strings.CutPrefix(python, "DEV\n"); ok {
			return "the Python goes another way", rest, rest == "boom\n"
		}
		return "", "", false
	})
	assert.DeepEqual(t, statuses(s), map[string]Status{
		"program00": Pass, "program01": Fail, "program02": Deviated, "program03": Deviated, "program10": Fail,
	})
	byName := map[string]*Scenario{}
	for _, sc := range s.Scenarios() {
		byName[sc.Name] = sc
	}
	assert.Equal(t, byName["program03"].Kind, CorpusProgram)
	assert.Assert(t, is.Contains(byName["program03"].Python, `"boom": 1`))
	assert.Assert(t, is.Contains(Run(byName["program10"]).Problem, "no trace for program 10"))
	assert.Assert(t, !byName["program10"].hasGolden())
}

func TestCorpusRejectsBadFiles(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"no interpreter": {"programs.json": `[{"id": 0}]`},
		"no programs":    {"interp.py": ""},
		"no id":          {"interp.py": "", "programs.json": `[{"n": 1}]`},
		"empty":          {"interp.py": "", "programs.json": `[]`},
		"bad traces":     {"interp.py": "", "programs.json": `[{"id": 0}]`, "traces.golden": "stray\n"},
	} {
		t.Run(name, func(t *testing.T) {
			s := fakeCorpus(files, nil)
			assert.DeepEqual(t, statuses(s), map[string]Status{"corpus": Fail})
		})
	}
	s := fakeCorpus(map[string]string{"interp.py": "", "programs.json": `[{"id": 0}]`, "traces.golden": "=== 0\nx0\n"}, nil)
	s.Add(Scenario{Name: "extra", Origin: Recorded, Run: func(*T) {}})
	assert.Assert(t, is.Contains(Run(s.Scenarios()[0]).Problem, "a corpus suite holds only its programs"))
}

// Record writes a scenario's golden into its suite's testdata, and a
// corpus program's trace into traces.golden, keeping the others'.
func TestRecordWritesGoldens(t *testing.T) {
	dir := t.TempDir()
	assert.NilError(t, os.Mkdir(filepath.Join(dir, "testdata"), 0o755))
	s := fakeSuite(map[string]string{"a.py": "print(1)\n"})
	s.dir = dir
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(*T) {}})
	c := fakeCorpus(map[string]string{"interp.py": "", "programs.json": `[{"id": 0}, {"id": 1}]`}, nil)
	c.dir = dir
	assert.NilError(t, os.WriteFile(filepath.Join(dir, "testdata", "traces.golden"), []byte("=== 0\nold0\n=== 1\nold1\n"), 0o644))
	err := Record([]LiveResult{
		{Scenario: only(s), Got: "1\n"},
		{Scenario: c.Scenarios()[1], Got: "new1\n"},
		{Scenario: c.Scenarios()[0], Got: "not recorded\n", Err: os.ErrInvalid},
	})
	assert.NilError(t, err)
	golden, err := os.ReadFile(filepath.Join(dir, "testdata", "a.golden"))
	assert.NilError(t, err)
	assert.Equal(t, string(golden), "1\n")
	traces, err := os.ReadFile(filepath.Join(dir, "testdata", "traces.golden"))
	assert.NilError(t, err)
	assert.Equal(t, string(traces), "=== 0\nold0\n=== 1\nnew1\n")
}

func TestKindFromSource(t *testing.T) {
	for source, want := range map[string]Kind{
		"twisted/flow/test/test_flow.py FlowTest.testBasic":  TranscribedTest,
		"src/twisted/test/test_defer.py DeferredTests.test_": TranscribedTest,
		"doc/flow/howto/flow.xhtml \"Iterators\"":            DocExample,
		"twisted/flow/wrap.py wrap() docstring, printFlow":   DocExample,
		"Clark C. Evans, \"Re: flow.Zip\", Twisted-Python":   DocExample,
		"src/twisted/internet/task.py Cooperator.stop":       EdgeCase,
		"conformance/suites/flowedges/testdata/zip.three.py": EdgeCase,
		"": EdgeCase,
	} {
		assert.Equal(t, kindOf(source), want, source)
	}
	s := fakeSuite(map[string]string{"a.py": "", "a.golden": ""})
	s.Add(Scenario{Name: "a", Source: "mine.py", Kind: DocExample, Origin: Recorded, Run: func(*T) {}})
	assert.Equal(t, only(s).Kind, DocExample)
	assert.Assert(t, is.Contains(only(s).Location(), "corpus_test.go:"), only(s).Location())
}

// The live run of a corpus runs its interpreter once over programs.json
// and gives each program its trace; a scenario's script runs on its own.
func TestRunPythonRunsACorpusOnce(t *testing.T) {
	in := Interpreter{Python: "python3"}
	if _, err := in.Exec("print(1)\n"); err != nil {
		t.Skipf("no python3 on PATH: %v", err)
	}
	interp := "import json, sys\nfor p in json.load(open(sys.argv[1])):\n    print('=== %d' % p['id'])\n    print('x%d' % p['n'])\n"
	c := fakeCorpus(map[string]string{"interp.py": interp, "programs.json": `[{"id": 0, "n": 1}, {"id": 1, "n": 2}]`,
		"traces.golden": "=== 0\nx1\n=== 1\nx7\n"}, nil)
	s := fakeSuite(map[string]string{"a.py": "print('a')\n", "a.golden": "a\n", "b.py": "", "b.golden": ""})
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(*T) {}})
	s.Add(Scenario{Name: "b", Origin: Assertion, Run: func(*T) {}})
	var got []string
	for _, r := range RunPython(in, append(c.Scenarios(), s.Scenarios()...)) {
		assert.NilError(t, r.Err)
		got = append(got, r.Scenario.Name+" "+strings.TrimSpace(r.Got)+" "+map[bool]string{true: "same", false: "differs"}[r.Same()])
	}
	assert.DeepEqual(t, got, []string{"program0 x1 same", "program1 x2 differs", "a a same"})
}
