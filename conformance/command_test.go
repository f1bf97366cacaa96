package conformance_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"

	"github.com/twistedflow/twistedflow/conformance"
	_ "github.com/twistedflow/twistedflow/conformance/suites/all"
)

// These tests run the report's command line over the repository's own
// suites, asserting on its structure and on what the recorded files hold.

func command(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut strings.Builder
	status = conformance.Command(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	assert.NilError(t, err)
	return string(b)
}

const lineBreak = "FlowTest.testLineBreak"

func TestListNamesEveryScenario(t *testing.T) {
	status, out, _ := command(t, "-list", "-suite", "test_flow.py")
	assert.Equal(t, status, 0, out)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Assert(t, is.Regexp(`^== test_flow\.py: (\d+) of (\d+) scenarios; goldens recorded from CPython 2\.7\.18, Twisted b2b5697a0f\^`, lines[0]))
	n := 0
	for _, line := range lines[1:] {
		if strings.HasPrefix(line, "total: ") || strings.HasPrefix(line, "live Python reference not run") {
			continue
		}
		n++
		assert.Assert(t, is.Regexp(`^(pass|deviation) +(-|same) +transcribed test +recorded +\w+Test\.\w+$`, line))
	}
	assert.Equal(t, n, len(testdataFiles(t, "suites/testflow/testdata", ".golden")))
	assert.Assert(t, is.Contains(out, "pass      -       transcribed test recorded  "+lineBreak+"\n"), "-live not given")
}

func testdataFiles(t *testing.T, dir, suffix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	assert.NilError(t, err)
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), suffix) && !strings.HasSuffix(e.Name(), ".go"+suffix) {
			names = append(names, e.Name())
		}
	}
	return names
}

// -run selects by name or suite/name, -grep by the Python text, -suite by
// exact name only.
func TestSelection(t *testing.T) {
	_, out, _ := command(t, "-list", "-run", "^"+regexp.QuoteMeta(lineBreak)+"$")
	assert.Assert(t, is.Contains(out, "== test_flow.py: 1 of "))
	assert.Assert(t, is.Contains(out, "total: 1 passed, 0 deviations, 0 failed"))

	_, out, _ = command(t, "-list", "-run", "^test_flow.py/"+regexp.QuoteMeta(lineBreak)+"$")
	assert.Assert(t, is.Contains(out, "total: 1 passed"))

	_, out, _ = command(t, "-list", "-suite", "test_flow.py", "-grep", `flow\.LineBreak`)
	assert.Assert(t, is.Contains(out, lineBreak))
	assert.Assert(t, !strings.Contains(out, "FlowTest.testBasic"))

	status, _, errOut := command(t, "-suite", "flow")
	assert.Equal(t, status, 2)
	assert.Assert(t, is.Contains(errOut, `no suite named "flow"; the suites are `))
	assert.Assert(t, is.Contains(errOut, `"test_flow.py"`))

	status, _, errOut = command(t, "-run", "(")
	assert.Equal(t, status, 2)
	assert.Assert(t, is.Contains(errOut, "error parsing regexp"))
}

// The summary says what each suite was compared against, and in one line
// which live references were not run.
func TestSummarySaysWhatWasCompared(t *testing.T) {
	t.Setenv("TWISTEDFLOW_PYTHON2", "")
	status, out, _ := command(t, "-suite", "test_flow.py", "-run", lineBreak)
	assert.Equal(t, status, 0, out)
	assert.Assert(t, is.Regexp(`(?m)^test_flow\.py +1 +0 +0 +- +flow2009 goldens$`, out))
	assert.Assert(t, is.Contains(out, "flow2009: goldens recorded from CPython 2.7.18"))
	assert.Assert(t, is.Contains(out, "\nlive Python reference not run, recorded goldens only: flow2009 (TWISTEDFLOW_PYTHON2 is not set; to set up: TWISTEDFLOW_PYTHON2="))

	_, out, _ = command(t, "-references")
	assert.Assert(t, is.Regexp(`(?m)^flow2009: goldens recorded from .*; live: not run, not available: TWISTEDFLOW_PYTHON2 is not set$`, out))
	assert.Assert(t, is.Regexp(`(?m)^modern: goldens recorded from CPython 3`, out))
}

// The corpora are suites, a scenario per program.
func TestJSONHasEverySuiteAndTheCorpora(t *testing.T) {
	status, out, _ := command(t, "-json", "-run", "^(program00[0-4]|"+regexp.QuoteMeta(lineBreak)+")$")
	assert.Equal(t, status, 0, out)
	var rep struct {
		OK     bool `json:"ok"`
		Suites []struct {
			Name    string `json:"name"`
			Runtime string `json:"runtime"`
			Corpus  bool   `json:"corpus"`
			Counts  struct {
				Scenarios, Selected, Passed, Deviations, Failed int
			} `json:"counts"`
			Scenarios []struct {
				ID, Name, Kind, Origin, Source, Go, Status, Live string
			} `json:"scenarios"`
		} `json:"suites"`
	}
	assert.NilError(t, json.Unmarshal([]byte(out), &rep))
	assert.Assert(t, rep.OK)
	bySuite := map[string]int{}
	for i, s := range rep.Suites {
		bySuite[s.Name] = i
	}
	for corpus, dir := range map[string]string{"flowfuzz": "flowfuzz", "deferops": "deferops"} {
		i, ok := bySuite[corpus]
		assert.Assert(t, ok, corpus)
		s := rep.Suites[i]
		assert.Assert(t, s.Corpus)
		var programs []json.RawMessage
		assert.NilError(t, json.Unmarshal([]byte(readFile(t, dir+"/testdata/programs.json")), &programs))
		assert.Equal(t, s.Counts.Scenarios, len(programs))
		assert.Equal(t, s.Counts.Selected, 5)
		assert.Equal(t, s.Scenarios[0].Kind, "corpus")
	}
	flow := rep.Suites[bySuite["test_flow.py"]]
	assert.Equal(t, flow.Runtime, "flow2009")
	assert.Equal(t, len(flow.Scenarios), 1)
	sc := flow.Scenarios[0]
	assert.Equal(t, sc.ID, "test_flow.py/"+lineBreak)
	assert.Equal(t, sc.Kind, "transcribed test")
	assert.Equal(t, sc.Status, "pass")
	assert.Assert(t, is.Regexp(`^suites/testflow/\w+\.go:\d+$`, sc.Go))
}

// -show prints the Python as recorded in the repository, the golden and
// the Go trace side by side, and where the Go is.
func TestShowPrintsOneScenarioWhole(t *testing.T) {
	status, out, _ := command(t, "-show", lineBreak)
	assert.Equal(t, status, 0, out)
	assert.Assert(t, is.Contains(out, "scenario  test_flow.py/"+lineBreak+"\n"))
	assert.Assert(t, is.Regexp(`(?m)^Go        suites/testflow/\w+\.go:\d+$`, out))
	assert.Assert(t, is.Contains(out, readFile(t, "suites/testflow/testdata/"+lineBreak+".py")))
	for _, line := range strings.Split(strings.TrimSpace(readFile(t, "suites/testflow/testdata/"+lineBreak+".golden")), "\n") {
		q := regexp.QuoteMeta(line)
		assert.Assert(t, is.Regexp(`(?m)^  `+q+` *\| `+q+`$`, out))
	}
	assert.Assert(t, is.Contains(out, "compared against goldens recorded from CPython 2.7.18"))

	status, _, errOut := command(t, "-show", "testlinebreak")
	assert.Equal(t, status, 2)
	assert.Assert(t, is.Contains(errOut, "did you mean:\n  test_flow.py/"+lineBreak))
}

// -live runs the Python side when the runtime is installed, and says why
// not when it is not.
func TestLive(t *testing.T) {
	_, why := conformance.Modern.Live()
	status, out, _ := command(t, "-live", "-list", "-suite", "deferops", "-run", "^program00[0-2]$")
	if why != "" {
		assert.Assert(t, is.Contains(out, "live: not run, not available: "+why))
		assert.Assert(t, is.Contains(out, "live Python reference not run"))
		return
	}
	assert.Equal(t, status, 0, out)
	assert.Assert(t, is.Regexp(`== deferops: 3 of \d+ scenarios; goldens recorded from CPython 3, Debian python3-twisted; live: \S+ \(Python 3[.\d]+, Twisted [.\d]+\)`, out))
	assert.Assert(t, is.Contains(out, "pass      same    corpus           recorded  program000\n"))
	assert.Assert(t, is.Contains(out, "live: 3 same, 0 differ, 0 errors"))
	assert.Assert(t, !strings.Contains(out, "modern (available, pass -live)"))
}

func TestBadCommandLine(t *testing.T) {
	status, _, errOut := command(t, "-nosuchflag")
	assert.Equal(t, status, 2)
	assert.Assert(t, is.Contains(errOut, "flag provided but not defined"))
	status, _, errOut = command(t, "stray")
	assert.Equal(t, status, 2)
	assert.Assert(t, is.Contains(errOut, `unexpected argument "stray"`))
}

// -grep ignores case, so that LineBreak finds the corpus programs with a
// linebreak node too.
func TestGrepFindsLineBreakEverywhere(t *testing.T) {
	_, out, _ := command(t, "-list", "-grep", "LineBreak")
	assert.Assert(t, is.Contains(out, " "+lineBreak+"\n"))
	assert.Assert(t, is.Regexp(`(?m)^== flowfuzz: [1-9]\d* of `, out))
	assert.Assert(t, is.Regexp(`(?m)^== deferops: 0 of `, out))
}

// A deviation shows the Python's golden, then the Go golden beside the Go
// trace.
func TestShowDeviation(t *testing.T) {
	const name = "linebreak.trailingData"
	status, out, _ := command(t, "-show", "flow edges/"+name)
	assert.Equal(t, status, 0, out)
	assert.Assert(t, is.Contains(out, "status    deviation\n"))
	assert.Assert(t, is.Contains(out, "deviation The original raises"))
	python := strings.TrimSpace(readFile(t, "suites/flowedges/testdata/"+name+".golden"))
	assert.Assert(t, is.Contains(out, "    "+strings.ReplaceAll(python, "\n", "\n    ")+"\n"))
	for _, line := range strings.Split(strings.TrimSpace(readFile(t, "suites/flowedges/testdata/"+name+".go.golden")), "\n") {
		q := regexp.QuoteMeta(line)
		assert.Assert(t, is.Regexp(`(?m)^  `+q+` *\| `+q+`$`, out))
	}
}
