// Package testdefer holds the conformance scenarios transcribed from Twisted's src/twisted/test/test_defer.py.
package testdefer

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_defer.py: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("test_defer.py", conformance.Modern, testdata)
