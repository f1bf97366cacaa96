// Package testbasic holds the conformance scenarios transcribed from
// Twisted 22.4's src/twisted/protocols/test/test_basic.py, run live against
// Debian's python3-twisted: LineReceiver, LineOnlyReceiver,
// NetstringReceiver, the IntNStringReceivers and FileSender. The prelude
// imports test_basic.py itself from the Twisted it runs against; the Go
// files transcribe its classes.
package testbasic

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_basic.py.
var Suite = conformance.NewSuite("test_basic.py", conformance.Modern, testdata)

// addTest registers <class>.<name>: the test runs on a fresh fixture, as
// trial makes one per test.
func addTest[C pyunit.Case](class, name string, fixture func() C, test func(self C) any) {
	Suite.Add(conformance.Scenario{
		Name:   class + "." + name,
		Source: "src/twisted/protocols/test/test_basic.py " + class + "." + name + " (Twisted 22.4)",
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { pyunit.Run(t, fixture(), test) },
	})
}
