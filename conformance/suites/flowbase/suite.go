// Package flowbase holds conformance scenarios of our own for
// twisted/flow/protocol.py's makeProtocol(controller, baseClass,
// *callbacks) with the base classes of twisted.protocols.basic, recorded
// under the 2009 Twisted (b2b5697a0f^): flow.MakeProtocolWithBase.
package flowbase

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/pyunit"
)

//go:embed testdata
var testdata embed.FS

// Suite is the flow protocols on a base class.
var Suite = conformance.NewSuite("flow protocol bases", conformance.Flow2009, testdata)

func addTest[C pyunit.Case](class, name string, fixture func() C, test func(self C) any) {
	Suite.Add(conformance.Scenario{
		Name:   class + "." + name,
		Source: "ours: twisted/flow/protocol.py makeProtocol(controller, baseClass, callback) (b2b5697a0f^) with twisted.protocols.basic",
		Origin: conformance.Recorded,
		Run:    func(t *conformance.T) { pyunit.Run(t, fixture(), test) },
	})
}
