// Package flowedges holds the conformance scenarios transcribed from our own edge cases of twisted.flow, each recorded under the 2009 original.
package flowedges

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is flow edges: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("flow edges", conformance.Flow2009, testdata)
