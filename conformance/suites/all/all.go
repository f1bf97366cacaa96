// Package all imports every conformance suite that has scenarios, and the
// differential corpora, so that the report and the oracle see them. A new
// suite adds its import here; nothing else needs to know of it.
package all

import (
	_ "github.com/twistedflow/twistedflow/conformance/deferops"
	_ "github.com/twistedflow/twistedflow/conformance/flowfuzz"
	// Each suite adds a line: _ "github.com/twistedflow/twistedflow/conformance/suites/<suite>"
	_ "github.com/twistedflow/twistedflow/conformance/suites/flowbase"
	_ "github.com/twistedflow/twistedflow/conformance/suites/flowdocs"
	_ "github.com/twistedflow/twistedflow/conformance/suites/flowedges"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testbasic"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testcooperator"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testdefer"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testdefgen"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testdefgenmodern"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testfailure"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testflow"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testinternet"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testtask"
	_ "github.com/twistedflow/twistedflow/conformance/suites/testthreads"
)
