// Command report runs every conformance scenario and prints the report: per
// suite, how many scenarios pass, deviate as recorded, or fail, and what the
// Go was compared against (the goldens recorded from which Python, and
// whether that Python also ran live); then each deviation's reason and each
// failure's diff. It exits 1 if any fails.
//
//	go run ./conformance/cmd/report                 # the summary
//	go run ./conformance/cmd/report -list           # every scenario, with its status
//	go run ./conformance/cmd/report -list -grep LineBreak
//	go run ./conformance/cmd/report -show 'flow edges/linebreak.trailer'
//	go run ./conformance/cmd/report -live           # run the Python side too
//	go run ./conformance/cmd/report -json
//
// See [conformance.Command] for every flag. With -deviations it prints
// the Markdown table of every recorded deviation, for PORTING.md.
package main

import (
	"github.com/twistedflow/twistedflow/conformance"
	_ "github.com/twistedflow/twistedflow/conformance/suites/all"
)

func main() { conformance.Main() }
