// Package testthreads holds the conformance scenarios transcribed from
// Twisted's src/twisted/test/test_threads.py: the reactor's thread calls
// and twisted.internet.threads (package threads).
package testthreads

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_threads.py: its scenarios register themselves in init
// functions.
var Suite = conformance.NewSuite("test_threads.py", conformance.Modern, testdata)
