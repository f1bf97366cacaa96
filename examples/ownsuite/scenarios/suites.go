// Package scenarios is an example of conformance scenarios of your own:
// Python you wrote against Twisted, its Go port, and the trace the Python
// printed, checked by the twistedflow conformance harness. Each scenario
// is three files: testdata/<Name>.py (the Python, printing its trace),
// testdata/<Name>.golden (what the Python printed, recorded by running it)
// and a Go transcription registered below, printing the same trace.
package scenarios

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Flows are the scenarios written for twisted.flow: their Python runs
// under CPython 2.7 with the 2009 Twisted (TWISTEDFLOW_PYTHON2,
// TWISTEDFLOW_PYTHONPATH2).
var Flows = conformance.NewSuite("my flows", conformance.Flow2009, testdata)

// Deferreds are the scenarios written for Twisted 22.4's Deferred: their
// Python runs under python3 with Debian's python3-twisted
// (TWISTEDFLOW_PYTHON3 to use another interpreter).
var Deferreds = conformance.NewSuite("my deferreds", conformance.Modern, testdata)
