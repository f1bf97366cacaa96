// Package testinternet holds the conformance scenarios transcribed from Twisted's src/twisted/test/test_internet.py (DelayedCall and callLater ordering, the thread calls, system event triggers).
package testinternet

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_internet.py: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("test_internet.py", conformance.Modern, testdata)
