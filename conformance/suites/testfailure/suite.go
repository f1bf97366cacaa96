// Package testfailure holds the conformance scenarios transcribed from
// Twisted 22.4's src/twisted/test/test_failure.py that do not reach into
// Python's frame objects: trapping, a Failure of a Failure, its repr, the
// formats of printTraceback, printBriefTraceback and
// printDetailedTraceback, and tracebacks of an exception whose str
// raises, run live against Debian's python3-twisted
// (testdata/NOT-PORTED.md says why each of the others is not).
package testfailure

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_failure.py.
var Suite = conformance.NewSuite("test_failure.py", conformance.Modern, testdata)

func addTest[C pyunit.Case](class, name string, fixture func() C, test func(self C) any) {
	Suite.Add(conformance.Scenario{
		Name:   class + "." + name,
		Source: "src/twisted/test/test_failure.py " + class + "." + name + " (Twisted 22.4)",
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { pyunit.Run(t, fixture(), test) },
	})
}

// addDeviation registers a test where Go differs from Twisted 22.4 for the
// reason given; its Go trace is testdata/<class>.<name>.go.golden.
func addDeviation[C pyunit.Case](class, name, reason string, fixture func() C, test func(self C) any) {
	Suite.Add(conformance.Scenario{
		Name:      class + "." + name,
		Source:    "src/twisted/test/test_failure.py " + class + "." + name + " (Twisted 22.4)",
		Origin:    conformance.Recorded,
		Deviation: &conformance.Deviation{Reason: reason},
		Run:       func(t *conformance.T) { pyunit.Run(t, fixture(), test) },
	})
}
