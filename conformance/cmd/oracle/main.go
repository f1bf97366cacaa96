// Command oracle re-runs the Python side of conformance scenarios against an
// interpreter and a Twisted checkout you point it at, and compares each
// output with the recorded golden, or with -record writes it as the new
// golden. Nothing of Twisted's is fetched or committed: you provide it. The
// report does the same for the interpreters the environment names
// (go run ./conformance/cmd/report -live, or -record); the oracle takes the
// interpreter on its command line.
//
// The flow-era suites (Twisted b2b5697a0f^, CPython 2.7):
//
//	git -C twisted archive --prefix=twisted-flow/ b2b5697a0f^ | tar x -C /tmp
//	go run ./conformance/cmd/oracle -runtime flow2009 \
//	    -python python2.7 -pythonpath /tmp/twisted-flow:/tmp/zope.interface-3.6.7/src
//
// The modern suites (Debian's python3-twisted):
//
//	go run ./conformance/cmd/oracle -runtime modern -python /usr/bin/python3
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"

	"github.com/twistedflow/twistedflow/conformance"
	_ "github.com/twistedflow/twistedflow/conformance/suites/all"
)

func main() {
	rtName := flag.String("runtime", "flow2009", "which suites: flow2009 or modern")
	python := flag.String("python", "", "the Python interpreter")
	pythonPath := flag.String("pythonpath", "", "PYTHONPATH for the scripts (the Twisted checkout, zope.interface's src)")
	only := flag.String("suite", "", "only the suite with exactly this name")
	run := flag.String("run", "", "only scenarios whose name matches this regexp")
	record := flag.Bool("record", false, "write the Python output as the new goldens")
	flag.Parse()
	rt := map[string]conformance.Runtime{"flow2009": conformance.Flow2009, "modern": conformance.Modern}[*rtName]
	if rt.Name == "" || *python == "" {
		flag.Usage()
		os.Exit(2)
	}
	match, err := regexp.Compile(*run)
	if err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(2)
	}
	var selected []*conformance.Scenario
	for _, s := range conformance.Suites() {
		if s.Runtime.Name != rt.Name || (*only != "" && s.Name != *only) {
			continue
		}
		for _, sc := range s.Scenarios() {
			if match.MatchString(sc.Name) {
				selected = append(selected, sc)
			}
		}
	}
	in := conformance.Interpreter{Python: *python, PythonPath: *pythonPath}
	var same, differ, broken int
	var changed []conformance.LiveResult
	for _, r := range conformance.RunPython(in, selected) {
		sc := r.Scenario
		switch {
		case r.Err != nil:
			broken++
			fmt.Printf("ERROR %s: %v\n", sc.ID(), r.Err)
		case r.Same():
			same++
		case *record:
			differ++
			changed = append(changed, r)
			fmt.Printf("RECORDED %s\n", sc.ID())
		case sc.Expected == "":
			differ++
			fmt.Printf("NO GOLDEN %s: record it with -record\n", sc.ID())
		default:
			differ++
			fmt.Printf("DIFFERS %s (-golden +python):\n%s\n", sc.ID(), conformance.Diff(sc.Expected, r.Got))
		}
	}
	if err := conformance.Record(changed); err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(1)
	}
	fmt.Printf("%d same, %d differ, %d errors\n", same, differ, broken)
	if broken > 0 || (differ > 0 && !*record) {
		os.Exit(1)
	}
}
