// Package testtask holds the conformance scenarios transcribed from Twisted's src/twisted/test/test_task.py.
package testtask

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_task.py: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("test_task.py", conformance.Modern, testdata)
