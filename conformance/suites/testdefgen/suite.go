// Package testdefgen holds the conformance scenarios transcribed from
// Twisted's twisted/test/test_defgen.py as it stood in 2009 (b2b5697a0f^,
// recorded under Python 2.7), deferredGenerator and inlineCallbacks side by
// side. Its transcriptions serve the 22.4 suite too (package
// testdefgenmodern), whose tests are the same.
package testdefgen

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_defgen.py of 2009: its scenarios register themselves in
// init functions.
var Suite = conformance.NewSuite("test_defgen.py (2009)", conformance.Flow2009, testdata)
