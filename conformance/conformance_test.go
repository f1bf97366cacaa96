package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"
)

func fakeSuite(files map[string]string) *Suite {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["testdata/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return &Suite{Name: "fake", Runtime: Modern, files: fsys}
}

func only(s *Suite) *Scenario { return s.Scenarios()[0] }

func TestRunJudgesTraces(t *testing.T) {
	cases := []struct {
		name      string
		files     map[string]string
		scenario  Scenario
		status    Status
		problemIn string
	}{{
		name:     "same trace passes",
		files:    map[string]string{"a.py": "print(repr([1, 'x']))\n", "a.golden": "[1, 'x']\n\n"},
		scenario: Scenario{Name: "a", Origin: Recorded, Run: func(t *T) { t.Repr([]any{1, "x"}) }},
		status:   Pass,
	}, {
		name:      "different trace fails with a diff",
		files:     map[string]string{"a.py": "", "a.golden": "1\n2\n"},
		scenario:  Scenario{Name: "a", Origin: Recorded, Run: func(t *T) { t.Print(1); t.Print(3) }},
		status:    Fail,
		problemIn: `-python +go`,
	}, {
		name:      "missing golden fails",
		files:     map[string]string{"a.py": ""},
		scenario:  Scenario{Name: "a", Origin: Recorded, Run: func(t *T) {}},
		status:    Fail,
		problemIn: "missing testdata/a.golden",
	}, {
		name:      "panic fails",
		files:     map[string]string{"a.py": "", "a.golden": ""},
		scenario:  Scenario{Name: "a", Origin: Recorded, Run: func(t *T) { panic("boom") }},
		status:    Fail,
		problemIn: "builtins.Exception: boom",
	}, {
		name:      "Fatalf fails",
		files:     map[string]string{"a.py": "", "a.golden": ""},
		scenario:  Scenario{Name: "a", Origin: Recorded, Run: func(t *T) { t.Fatalf("no %s", "luck"); t.Print("unreached") }},
		status:    Fail,
		problemIn: "no luck",
	}, {
		name:  "deviation matching its Go golden is a deviation, not a pass",
		files: map[string]string{"a.py": "", "a.golden": "hang\n", "a.go.golden": "done\n"},
		scenario: Scenario{Name: "a", Origin: Recorded, Deviation: &Deviation{Reason: "the Python hangs"},
			Run: func(t *T) { t.Print("done") }},
		status: Deviated,
	}, {
		name:  "deviation printing the Python trace fails",
		files: map[string]string{"a.py": "", "a.golden": "hang\n", "a.go.golden": "done\n"},
		scenario: Scenario{Name: "a", Origin: Recorded, Deviation: &Deviation{Reason: "r"},
			Run: func(t *T) { t.Print("hang") }},
		status:    Fail,
		problemIn: "deviation's Go golden",
	}, {
		name:      "unknown origin fails",
		files:     map[string]string{"a.py": "", "a.golden": ""},
		scenario:  Scenario{Name: "a", Run: func(t *T) {}},
		status:    Fail,
		problemIn: "Origin",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := fakeSuite(c.files)
			s.Add(c.scenario)
			res := Run(only(s))
			assert.Equal(t, res.Status, c.status, res.Problem)
			assert.Assert(t, is.Contains(res.Problem, c.problemIn))
		})
	}
}

func TestAddRejectsDuplicates(t *testing.T) {
	s := fakeSuite(map[string]string{"a.py": "", "a.golden": ""})
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) {}})
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) {}})
	var problems []string
	for _, sc := range s.Scenarios() {
		if r := Run(sc); r.Status == Fail {
			problems = append(problems, r.Problem)
		}
	}
	assert.DeepEqual(t, problems, []string{"scenario a registered twice"})
}

func TestTracePrintsLikePython(t *testing.T) {
	tr := &T{}
	tr.Print("one", 2, 0.5, nil)
	tr.Repr("one", 2, []any{"a"})
	tr.Printf("Processed result : %s", "x")
	assert.Equal(t, tr.Output(), "one 2 0.5 None\n'one' 2 ['a']\nProcessed result : x\n")
}

func TestReportCountsAndShowsDiffs(t *testing.T) {
	s := fakeSuite(map[string]string{
		"ok.py": "", "ok.golden": "1\n",
		"bad.py": "", "bad.golden": "1\n",
		"dev.py": "", "dev.golden": "x\n", "dev.go.golden": "y\n",
	})
	s.Add(Scenario{Name: "ok", Origin: Recorded, Run: func(t *T) { t.Print(1) }})
	s.Add(Scenario{Name: "bad", Origin: Recorded, Run: func(t *T) { t.Print(2) }})
	s.Add(Scenario{Name: "dev", Origin: Recorded, Deviation: &Deviation{Reason: "because"}, Run: func(t *T) { t.Print("y") }})
	var out strings.Builder
	ok := WriteReport(&out, []*Suite{s}, true)
	assert.Assert(t, !ok)
	text := out.String()
	assert.Assert(t, is.Contains(text, "fake                         1         1      1"))
	assert.Assert(t, is.Contains(text, "DEVIATION fake/dev"))
	assert.Assert(t, is.Contains(text, "because"))
	assert.Assert(t, is.Contains(text, "FAIL fake/bad"))
}

// A suite without scenarios is a failure of the report, as of the tests.
func TestReportFailsEmptySuite(t *testing.T) {
	var out strings.Builder
	ok := WriteReport(&out, []*Suite{fakeSuite(map[string]string{})}, false)
	assert.Assert(t, !ok)
	assert.Assert(t, is.Contains(out.String(), "FAIL suite fake has no scenarios"))
}

// A scenario whose script is missing says so to the oracle; one whose
// golden alone is missing does not (the oracle records it).
func TestScriptError(t *testing.T) {
	s := fakeSuite(map[string]string{"nogolden.py": "print(1)\n", "noscript.golden": "x\n"})
	s.Add(Scenario{Name: "nogolden", Origin: Recorded, Run: func(*T) {}})
	s.Add(Scenario{Name: "noscript", Origin: Recorded, Run: func(*T) {}})
	byName := map[string]*Scenario{}
	for _, sc := range s.Scenarios() {
		byName[sc.Name] = sc
	}
	assert.NilError(t, byName["nogolden"].ScriptError())
	assert.ErrorContains(t, byName["noscript"].ScriptError(), "noscript.py")
}

func TestInterpreterExec(t *testing.T) {
	in, why := Interpreter{Python: "python3"}, ""
	if _, err := in.Exec("print(1)\n"); err != nil {
		why = err.Error()
	}
	if why != "" {
		t.Skipf("no python3 on PATH: %s", why)
	}
	out, err := in.Exec("print('a')\nprint(repr((1,)))\n")
	assert.NilError(t, err)
	assert.Equal(t, out, "a\n(1,)\n")
	_, err = in.Exec("raise SystemExit(3)\n")
	assert.ErrorContains(t, err, "exit status 3")
}

func TestPreludeIncludesSharedPrelude(t *testing.T) {
	s := fakeSuite(map[string]string{
		"prelude.py": "import os\n# conformance:include selftest.py\nmine = 2\n",
		"a.py":       "print(shared + mine)\n", "a.golden": "3\n",
	})
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) { t.Print(3) }})
	sc := only(s)
	assert.Equal(t, Run(sc).Status, Pass)
	assert.Equal(t, sc.Script(), "import os\n# A shared prelude used by the harness tests.\nshared = 1\nmine = 2\nprint(shared + mine)\n")

	s = fakeSuite(map[string]string{"prelude.py": "# conformance:include nothing.py\n", "a.py": "", "a.golden": ""})
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) {}})
	assert.ErrorContains(t, only(s).err, "prelude include")
}

func TestSharedPreludeIncludesAnother(t *testing.T) {
	s := fakeSuite(map[string]string{
		"prelude.py": "# conformance:include selftestnested.py\n",
		"a.py":       "print(shared + outer)\n", "a.golden": "4\n",
	})
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) { t.Print(4) }})
	sc := only(s)
	assert.Equal(t, Run(sc).Status, Pass)
	assert.Equal(t, sc.Script(), "# A shared prelude that includes another, used by the harness tests.\n"+
		"# A shared prelude used by the harness tests.\nshared = 1\nouter = 3\nprint(shared + outer)\n")

	s = fakeSuite(map[string]string{"prelude.py": "# conformance:include selftestcycle.py\n", "a.py": "", "a.golden": ""})
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) {}})
	assert.ErrorContains(t, only(s).err, "selftestcycle.py includes itself (selftestcycle.py -> selftestcycle.py)")
}

func TestCleanupsRunAfterTheTranscription(t *testing.T) {
	s := fakeSuite(map[string]string{"a.py": "", "a.golden": "body\n"})
	var order []string
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) {
		t.Cleanup(func() { order = append(order, "first registered") })
		t.Cleanup(func() { order = append(order, "last registered") })
		t.Print("body")
		panic("boom")
	}})
	res := Run(only(s))
	assert.Equal(t, res.Status, Fail)
	assert.DeepEqual(t, order, []string{"last registered", "first registered"})
}

// The command exits 1 on any failure, in every output form, and on a
// suite without scenarios.
func TestCommandExitsNonZeroOnFailure(t *testing.T) {
	before := Suites()
	t.Cleanup(func() {
		registryMu.Lock()
		registry = before
		registryMu.Unlock()
	})
	files := fstest.MapFS{"testdata/bad.py": {}, "testdata/bad.golden": {Data: []byte("1\n")}}
	s := NewSuite("fake failing suite", Modern, files)
	s.Add(Scenario{Name: "bad", Origin: Recorded, Run: func(t *T) { t.Print(2) }})
	NewSuite("fake empty suite", Modern, fstest.MapFS{})
	for _, args := range [][]string{
		{"-suite", "fake failing suite"},
		{"-suite", "fake failing suite", "-list"},
		{"-suite", "fake failing suite", "-json"},
		{"-suite", "fake failing suite", "-show", "bad"},
		{"-suite", "fake empty suite"},
	} {
		var out, errOut strings.Builder
		assert.Equal(t, Command(args, &out, &errOut), 1, "%v\n%s%s", args, out.String(), errOut.String())
	}
	var out strings.Builder
	Command([]string{"-suite", "fake failing suite", "-json"}, &out, &out)
	assert.Assert(t, is.Contains(out.String(), `"ok": false`))
	out.Reset()
	Command([]string{"-suite", "fake empty suite"}, &out, &out)
	assert.Assert(t, is.Contains(out.String(), "FAIL suite fake empty suite has no scenarios"))
}

// -record writes the live Python's output as the golden, or says why it
// cannot.
func TestCommandRecords(t *testing.T) {
	before := Suites()
	t.Cleanup(func() {
		registryMu.Lock()
		registry = before
		registryMu.Unlock()
	})
	dir := t.TempDir()
	assert.NilError(t, os.Mkdir(filepath.Join(dir, "testdata"), 0o755))
	s := NewSuite("fake recorded suite", Modern, fstest.MapFS{"testdata/a.py": {Data: []byte("print(repr((1, 'x')))\n")}})
	s.dir = dir
	s.Add(Scenario{Name: "a", Origin: Recorded, Run: func(t *T) {}})
	var out strings.Builder
	status := Command([]string{"-suite", "fake recorded suite", "-record"}, &out, &out)
	if _, why := Modern.Live(); why != "" {
		assert.Equal(t, status, 1)
		assert.Assert(t, is.Contains(out.String(), "ERROR fake recorded suite: not recorded, its Python is not available: "+why))
		return
	}
	assert.Equal(t, status, 0, out.String())
	assert.Equal(t, out.String(), "RECORDED fake recorded suite/a\n0 same, 1 recorded, 0 errors\n")
	golden, err := os.ReadFile(filepath.Join(dir, "testdata", "a.golden"))
	assert.NilError(t, err)
	assert.Equal(t, string(golden), "(1, 'x')\n")
}

// A WallClock scenario whose run differs from its golden (as a timer run
// late on a loaded machine makes it) runs again, up to WallClockRuns times;
// any other scenario's difference counts at once, and a difference in
// every run still fails.
func TestWallClockScenarioRunsAgainOnADifference(t *testing.T) {
	for _, tc := range []struct {
		name      string
		wallClock bool
		lateRuns  int
		status    Status
		runs      int
	}{
		{"wall clock, late once", true, 1, Pass, 2},
		{"wall clock, late twice", true, 2, Pass, 3},
		{"wall clock, late every run", true, WallClockRuns, Fail, WallClockRuns},
		{"not wall clock, late once", false, 1, Fail, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := fakeSuite(map[string]string{"a.py": "", "a.golden": "on time\n"})
			runs := 0
			s.Add(Scenario{Name: "a", Origin: Recorded, WallClock: tc.wallClock, Run: func(t *T) {
				runs++
				if runs <= tc.lateRuns {
					t.Print("late")
					return
				}
				t.Print("on time")
			}})
			res := Run(only(s))
			assert.Equal(t, res.Status, tc.status, res.Problem)
			assert.Equal(t, runs, tc.runs)
		})
	}
}

// The same for the Python side run live: a script that prints another
// trace in its first run only.
func TestWallClockScenarioLiveRunsAgainOnADifference(t *testing.T) {
	in := Interpreter{Python: "python3"}
	if _, err := in.Exec("print(1)\n"); err != nil {
		t.Skipf("no python3 on PATH: %s", err)
	}
	for _, wallClock := range []bool{true, false} {
		counter := filepath.Join(t.TempDir(), "runs")
		script := "import os\np = " + pyQuote(counter) + "\n" +
			"n = int(open(p).read()) if os.path.exists(p) else 0\n" +
			"open(p, 'w').write(str(n + 1))\n" +
			"print('late' if n == 0 else 'on time')\n"
		s := fakeSuite(map[string]string{"a.py": script, "a.golden": "on time\n"})
		s.Add(Scenario{Name: "a", Origin: Recorded, WallClock: wallClock, Run: func(*T) {}})
		r := RunPython(in, s.Scenarios())[0]
		assert.NilError(t, r.Err)
		ran, err := os.ReadFile(counter)
		assert.NilError(t, err)
		if wallClock {
			assert.Check(t, r.Same(), "got %q", r.Got)
			assert.Equal(t, string(ran), "2")
		} else {
			assert.Equal(t, r.Got, "late\n")
			assert.Equal(t, string(ran), "1")
		}
	}
}

// pyQuote is a Python string literal of s.
func pyQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
