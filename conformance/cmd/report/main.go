// Command report runs every conformance scenario and prints the report: per
// suite, how many scenarios pass, deviate as recorded, or fail, then each
// deviation's reason and each failure's diff. It exits 1 if any fails.
//
//	go run ./conformance/cmd/report [-v] [-suite name]
//
// With -deviations it prints instead the Markdown table of every recorded
// deviation, for PORTING.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/twistedflow/twistedflow/conformance"
	_ "github.com/twistedflow/twistedflow/conformance/suites/all"
)

func main() {
	verbose := flag.Bool("v", false, "print the Python and Go traces of each deviation")
	only := flag.String("suite", "", "run only the suites whose name contains this")
	deviations := flag.Bool("deviations", false, "print the Markdown table of deviations (for PORTING.md) and exit")
	flag.Parse()
	var suites []*conformance.Suite
	for _, s := range conformance.Suites() {
		if strings.Contains(s.Name, *only) {
			suites = append(suites, s)
		}
	}
	if len(suites) == 0 {
		fmt.Fprintln(os.Stderr, "report: no suite matches", *only)
		os.Exit(2)
	}
	if *deviations {
		conformance.WriteDeviationTable(os.Stdout, suites)
		return
	}
	if !conformance.WriteReport(os.Stdout, suites, *verbose) {
		os.Exit(1)
	}
}
