package conformance

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// Main is the report and the oracle over every registered suite, for a
// command's main function: a module with scenarios of its own gets both
// with
//
//	import (
//		"github.com/twistedflow/twistedflow/conformance"
//		_ "example.com/mine/scenarios" // registers the suites
//	)
//
//	func main() { conformance.Main() }
//
// Main parses the command line (see [Command]) and exits with its status.
func Main() {
	os.Exit(Command(os.Args[1:], os.Stdout, os.Stderr))
}

// Command runs the report or the oracle as the command line args ask, over
// every registered suite, writing to stdout and stderr, and returns the
// exit status: 0 when every selected scenario passed or deviated as
// recorded (and, when run live, the Python printed every golden), 1 on any
// failure, 2 on a bad command line.
//
// By default it prints the summary: per suite the counts and what the Go
// was compared against, then each deviation and failure. Flags:
//
//	-suite NAME     only the suite named exactly NAME
//	-run REGEXP     only scenarios whose name or suite/name matches
//	-grep REGEXP    only scenarios whose Python text matches, ignoring case
//	-list           a line per scenario, under a header line per suite
//	-json           the report as JSON
//	-show NAME      one scenario whole: Python, Go location, golden beside Go trace
//	-live           also run the Python side where its runtime is installed
//	-record         run the Python side and write its output as the goldens
//	-references     only say which live references are configured
//	-deviations     the Markdown table of deviations, for PORTING.md
//	-v              the Python and Go traces of each deviation
func Command(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprint(stderr, `usage: report [flags]

Runs each scenario's Go transcription against the trace its Python printed
(the golden, recorded from the runtime each suite names) and, with -live,
the Python again. Examples:
  report -list -grep LineBreak      the scenarios whose Python uses LineBreak
  report -show FlowTest.testLineBreak -live
  report -references                which live Pythons are configured
Exit status: 0 all passed or deviated as recorded, 1 a failure, 2 bad usage.

`)
		fl.PrintDefaults()
	}
	suite := fl.String("suite", "", "only the suite with exactly this `name` (see -list)")
	run := fl.String("run", "", "only scenarios whose name or suite/name matches this `regexp`")
	grep := fl.String("grep", "", "only scenarios whose Python text matches this `regexp`, ignoring case (e.g. LineBreak)")
	list := fl.Bool("list", false, "print every scenario: status, live outcome, kind, golden's origin, name")
	asJSON := fl.Bool("json", false, "print the report as JSON")
	show := fl.String("show", "", "print one scenario (`name` or suite/name) whole")
	live := fl.Bool("live", false, "also run the Python side under each suite's runtime when it is installed")
	record := fl.Bool("record", false, "run the Python side and write what it prints as the new goldens")
	refs := fl.Bool("references", false, "only print which live Python references are configured")
	deviations := fl.Bool("deviations", false, "print the Markdown table of deviations (for PORTING.md)")
	verbose := fl.Bool("v", false, "print the Python and Go traces of each deviation")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "report: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	suites, err := selectSuites(*suite)
	if err != nil {
		fmt.Fprintln(stderr, "report:", err)
		return 2
	}
	var opt Options
	for _, re := range []struct {
		flag string
		dst  **regexp.Regexp
	}{{*run, &opt.Run}, {caseless(*grep), &opt.Grep}} {
		if re.flag == "" {
			continue
		}
		if *re.dst, err = regexp.Compile(re.flag); err != nil {
			fmt.Fprintln(stderr, "report:", err)
			return 2
		}
	}
	switch {
	case *deviations:
		WriteDeviationTable(stdout, suites)
		return 0
	case *refs:
		r := &Report{}
		for _, s := range suites {
			if !r.hasRuntime(s.Runtime) {
				r.References = append(r.References, reference(s.Runtime, false))
			}
		}
		for _, ref := range r.References {
			fmt.Fprintf(stdout, "%s: %s\n", ref.Runtime.Key, ref.Describe())
		}
		if line := r.NotLive(); line != "" {
			fmt.Fprintln(stdout, line)
		}
		return 0
	case *record:
		return recordGoldens(suites, opt, stdout, stderr)
	case *show != "":
		return showScenario(suites, *show, *live, stdout, stderr)
	}
	opt.Live = *live
	r := Check(suites, opt)
	switch {
	case *asJSON:
		if err := r.WriteJSON(stdout); err != nil {
			fmt.Fprintln(stderr, "report:", err)
			return 1
		}
	case *list:
		r.WriteList(stdout)
	default:
		r.Write(stdout, *verbose)
	}
	if !r.OK() {
		return 1
	}
	return 0
}

// caseless makes a non-empty regexp ignore case.
func caseless(re string) string {
	if re == "" {
		return ""
	}
	return "(?i)" + re
}

func (r *Report) hasRuntime(rt Runtime) bool {
	for _, ref := range r.References {
		if ref.Runtime.Name == rt.Name {
			return true
		}
	}
	return false
}

// selectSuites returns the suite named exactly name, or every suite.
func selectSuites(name string) ([]*Suite, error) {
	all := Suites()
	if len(all) == 0 {
		return nil, fmt.Errorf("no suite registered: import the suites' packages")
	}
	if name == "" {
		return all, nil
	}
	var names []string
	for _, s := range all {
		if s.Name == name {
			return []*Suite{s}, nil
		}
		names = append(names, fmt.Sprintf("%q", s.Name))
	}
	return nil, fmt.Errorf("no suite named %q; the suites are %s", name, strings.Join(names, ", "))
}

// showScenario prints the scenarios named name (or whose ID it is).
func showScenario(suites []*Suite, name string, live bool, stdout, stderr io.Writer) int {
	var found []*Scenario
	var near []string
	for _, s := range suites {
		for _, sc := range s.Scenarios() {
			switch {
			case sc.Name == name || sc.ID() == name:
				found = append(found, sc)
			case strings.Contains(strings.ToLower(sc.ID()), strings.ToLower(name)) && len(near) < 10:
				near = append(near, sc.ID())
			}
		}
	}
	if len(found) == 0 {
		fmt.Fprintf(stderr, "report: no scenario named %q", name)
		if len(near) > 0 {
			fmt.Fprintf(stderr, "; did you mean:\n  %s", strings.Join(near, "\n  "))
		}
		fmt.Fprintln(stderr)
		return 2
	}
	status := 0
	for i, sc := range found {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		res := Run(sc)
		ref := reference(sc.suite.Runtime, live)
		if ref.Ran {
			lr := RunPython(*ref.Interpreter, []*Scenario{sc})
			if len(lr) == 1 {
				res.Live = &lr[0]
			}
		}
		WriteShow(stdout, res)
		fmt.Fprintf(stdout, "\ncompared against %s\n", ref.Describe())
		if res.Status == Fail || (res.Live != nil && !res.Live.Same()) {
			status = 1
		}
	}
	return status
}

// recordGoldens runs the Python side of the selected scenarios and writes
// what it prints where it differs from the golden, or there is none.
func recordGoldens(suites []*Suite, opt Options, stdout, stderr io.Writer) int {
	var same, recorded, broken int
	for _, s := range suites {
		ref := reference(s.Runtime, true)
		if !ref.Ran {
			broken++
			fmt.Fprintf(stdout, "ERROR %s: not recorded, its Python is not available: %s (to set up: %s)\n", s.Name, ref.Unavailable, s.Runtime.Setup)
			continue
		}
		var selected []*Scenario
		for _, sc := range s.Scenarios() {
			if (opt.Run == nil || opt.Run.MatchString(sc.Name) || opt.Run.MatchString(sc.ID())) &&
				(opt.Grep == nil || opt.Grep.MatchString(sc.Python)) {
				selected = append(selected, sc)
			}
		}
		var changed []LiveResult
		for _, lr := range RunPython(*ref.Interpreter, selected) {
			switch {
			case lr.Err != nil:
				broken++
				fmt.Fprintf(stdout, "ERROR %s: %v\n", lr.Scenario.ID(), lr.Err)
			case lr.Same():
				same++
			default:
				recorded++
				changed = append(changed, lr)
				fmt.Fprintf(stdout, "RECORDED %s\n", lr.Scenario.ID())
			}
		}
		if err := Record(changed); err != nil {
			fmt.Fprintln(stderr, "report:", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "%d same, %d recorded, %d errors\n", same, recorded, broken)
	if broken > 0 {
		return 1
	}
	return 0
}
