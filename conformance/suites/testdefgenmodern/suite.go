// Package testdefgenmodern holds the conformance scenarios of Twisted
// 22.4's src/twisted/test/test_defgen.py, run live against Debian's
// python3-twisted. Its tests are 2009's (package testdefgen), whose Go
// transcriptions it shares.
package testdefgenmodern

import (
	"embed"
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
	"github.com/twistedflow/twistedflow/conformance/suites/testdefgen"
)

//go:embed testdata
var testdata embed.FS

// Suite is test_defgen.py of Twisted 22.4.
var Suite = conformance.NewSuite("test_defgen.py", conformance.Modern, testdata)

func init() {
	for _, test := range testdefgen.Tests {
		name := test.Class + "." + test.Name
		if alias, ok := testdefgen.Alias[name]; ok {
			name = alias
		}
		class, method, _ := strings.Cut(name, ".")
		Suite.Add(conformance.Scenario{
			Name:   name,
			Source: "src/twisted/test/test_defgen.py " + class + "." + method + " (Twisted 22.4)",
			Origin: conformance.Recorded,
			Run:    func(t *conformance.T) { test.Run(t, true) },
		})
	}
}
