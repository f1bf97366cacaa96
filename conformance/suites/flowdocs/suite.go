// Package flowdocs holds the conformance scenarios transcribed from the examples of twisted.flow's module docstrings, doc/flow/howto/flow.xhtml at b2b5697a0f^, and the seed (the 2003 mailing-list post on Cooperate).
package flowdocs

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is flow docs: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("flow docs", conformance.Flow2009, testdata)
