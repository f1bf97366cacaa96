package flowfuzz

import (
	"embed"
	"encoding/json"
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is the corpus as a conformance suite: each program of
// testdata/programs.json a scenario, its Python trace recorded in
// testdata/traces.golden, so that the report lists and counts them.
var Suite = conformance.NewCorpus("flowfuzz", conformance.Flow2009, testdata, conformance.Corpus{
	Interpreter: "flowprog.py",
	Run:         runProgram,
	Deviation:   deviation,
})

// runProgram runs one program under its driver and prints its trace.
func runProgram(t *conformance.T, raw json.RawMessage) {
	var p program
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatalf("program: %v", err)
	}
	var lines []string
	if p.Driver == "block" {
		lines = runBlock(p)
	} else {
		lines = runDeferred(p)
	}
	for _, line := range lines {
		t.Printf("%s", line)
	}
}

// deviation is the documented deviation a program's Python trace may show:
// where the original's Block meets the instruction of a Merge whose
// branches all cooperate, the Go port prints what the original's Deferred
// controller printed over the same tree. That controller reports a failure
// without the results before it, which Block yields: the Go trace need
// then only end with that failure.
func deviation(python string) (reason, goTrace string, suffix bool) {
	want, ok := expected(strings.Split(strings.TrimSuffix(python, "\n"), "\n"))
	if !ok {
		return "", "", false
	}
	if last := want[len(want)-1]; strings.HasPrefix(last, "failed ") {
		want, suffix = want[len(want)-1:], true
	}
	return "the original's Block cannot construct Unsupported for the instruction of a Merge whose branches all cooperate, " +
			"so a TypeError escapes; Go's Block goes on as the original's Deferred controller does over the same tree (PORTING.md)",
		strings.Join(want, "\n"), suffix
}
