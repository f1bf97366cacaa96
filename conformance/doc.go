// Package conformance proves that the Go port gives the same results, in the
// same order, with the same failures as the Python it was ported from.
//
// A Scenario is one piece of Python — a test from Twisted's own suites, an
// example from a docstring or the flow howto, or an edge case of our own —
// transcribed line for line into Go. Each scenario carries:
//
//   - the Python text, a runnable script (testdata/<Name>.py) that prints its
//     trace with `print repr(x)`;
//   - where it came from (Source: file, class and test, or doc section, and
//     the commit);
//   - the expected trace (testdata/<Name>.golden) and where that trace came
//     from (Origin): a recorded run of the real Python, or, where the Python
//     cannot run here, the values its assertions state;
//   - the Go transcription (Run), which prints its trace through T with
//     twisted.Repr, so the two diff line for line;
//   - for a deliberate difference, a Deviation: the reason, with the Go
//     trace kept in testdata/<Name>.go.golden beside the Python's;
//   - for a test whose trace depends on the real clock's pace (timers a few
//     hundredths of a second apart, run late on a loaded machine),
//     WallClock: a run that differs from its golden, Go or Python, is
//     repeated (WallClockRuns in all) before it counts.
//
// A scenario passes when the Go trace equals the golden; a deviation is
// reported as such (never as a pass) when the Go trace equals the Go golden;
// anything else fails, with a line diff.
//
// # Layout
//
// Suites live in conformance/suites/<suite>, one package each, named after
// the Python module they transcribe (testflow for test_flow.py, testdefer
// for test_defer.py, ...). A suite package embeds its testdata directory and
// registers its scenarios in init functions:
//
//	//go:embed testdata
//	var testdata embed.FS
//
//	var Suite = conformance.NewSuite("test_flow.py", conformance.Flow2009, testdata)
//
//	func init() {
//		Suite.Add(conformance.Scenario{
//			Name:   "FlowTest.testBasic",
//			Source: "twisted/flow/test/test_flow.py FlowTest.testBasic",
//			Origin: conformance.Recorded,
//			Run: func(t *conformance.T) {
//				lhs := []any{"Title"}
//				rhs := flow.Block(...)
//				t.Repr(lhs)
//			},
//		})
//	}
//
// and its suite_test.go runs them under go test:
//
//	func TestConformance(t *testing.T) { conformance.Test(t, Suite) }
//
// # Writing the Python side
//
// The .py file is a script that runs on its own under the suite's Runtime
// (see Flow2009 and Modern), after the suite's testdata/prelude.py if it has
// one: a prelude holds what every script of the suite needs, such as a
// stand-in for trial's TestCase whose assertion methods print the values
// they check, so that a test's body can be kept verbatim. What a test uses
// from its Twisted test module (helper classes, a fixture) the prelude
// imports from the Twisted the script runs against (importTests in
// preludes/testmodule.py) rather than carrying a copy of Twisted's code.
// Keep the original test's body as it is and replace each assertion by a
// print of the value asserted: the golden then holds exactly what the test
// checks, recorded by running it. The first lines
// are comments naming the source. Output must be deterministic: no
// addresses, no timings, no file paths (catch an exception and print
// repr(e) or type(e).__name__ rather than letting a traceback print).
// Python 3 scripts (Modern) print values whose repr is the same in Python 2
// (numbers, bools, None, lists, tuples, ASCII strings); print a failure as
// its class name and message.
//
// # Kinds and corpora
//
// A scenario's Kind says what it transcribes: a [TranscribedTest], a
// [DocExample], an [EdgeCase] of our own, or a [CorpusProgram]; when not
// set, Add guesses it from Source. [NewCorpus] makes a suite of a
// differential corpus — generated programs run by one small interpreter in
// Python and one in Go — with a scenario per program, so that the report,
// the oracle and [Test] treat them as any other.
//
// # The report and the oracle
//
// cmd/report ([Main], [Command]) runs the scenarios and says, per suite,
// what the Go was compared against: the goldens recorded from which
// runtime and, with -live, the Python run again under the interpreter the
// environment names (TWISTEDFLOW_PYTHON2 and TWISTEDFLOW_PYTHONPATH2 for
// [Flow2009], /usr/bin/python3 or TWISTEDFLOW_PYTHON3 for [Modern]), with
// its path and version. -list names every scenario with its status, -show
// prints one whole, -json is for machines, -record re-records goldens from
// the live Python. cmd/oracle does the same comparing and recording with
// the interpreter given on its command line. Under go test, suites of the
// Modern runtime run their Python live when Debian's python3-twisted is
// installed, and skip that part with a message when it is not (with
// CI=true, its absence fails); Flow2009 suites when the two variables are
// set.
//
// A module of one's own gets all of this with scenarios registered in
// init functions and a main of one line, func main() { conformance.Main() }
// (see examples/ownsuite). Nothing of Twisted's is committed: scenarios,
// goldens and harness are ours.
package conformance
