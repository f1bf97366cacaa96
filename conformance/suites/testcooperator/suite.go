// Package testcooperator holds the conformance scenarios transcribed from Twisted's src/twisted/test/test_cooperator.py.
package testcooperator

import (
	"embed"

	"github.com/twistedflow/twistedflow/conformance"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_cooperator.py: its scenarios register themselves in init functions.
var Suite = conformance.NewSuite("test_cooperator.py", conformance.Modern, testdata)
