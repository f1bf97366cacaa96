package deferops

import (
	"embed"
	"encoding/json"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is the corpus as a conformance suite: each sequence of
// testdata/programs.json a scenario, Twisted's trace recorded in
// testdata/traces.golden, so that the report lists and counts them.
var Suite = conformance.NewCorpus("deferops", conformance.Modern, testdata, conformance.Corpus{
	Interpreter: "deferops.py",
	Run: func(t *conformance.T, raw json.RawMessage) {
		var p program
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatalf("program: %v", err)
		}
		for _, line := range runProgram(p) {
			t.Printf("%s", line)
		}
	},
})
