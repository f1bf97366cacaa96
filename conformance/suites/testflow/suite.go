// Package testflow holds the conformance scenarios transcribed from Twisted's twisted/flow/test/test_flow.py at b2b5697a0f^ (2009).
package testflow

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_flow.py: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("test_flow.py", conformance.Flow2009, testdata)
