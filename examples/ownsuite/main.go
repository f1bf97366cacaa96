// Command ownsuite is the conformance report and oracle over this
// module's own scenarios (package scenarios): go run . -list, -live,
// -show NAME, -record; see the README.
package main

import (
	"github.com/twistedflow/twistedflow/conformance"

	_ "example.com/ownsuite/scenarios"
)

func main() { conformance.Main() }
