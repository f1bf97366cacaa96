package testfailure

import (
	"fmt"
	"os"
	"strings"

	"github.com/twistedflow/twistedflow/conformance/pyunit"
	"github.com/twistedflow/twistedflow/twisted"
)

// getDivisionFailure makes a Failure of a divide-by-zero error:
//
//	try:
//	    1 / 0
//	except BaseException:
//	    f = failure.Failure()
func getDivisionFailure() (f *twisted.Failure) {
	defer func() { f = twisted.FailureFromPanic(recover()) }()
	zero := 0
	_ = 1 / zero
	return nil
}

// try is Python's try statement: pyunit.Try.
var try = pyunit.Try

// SynchronousTestCase is the prelude's: its assertIn shows the line it
// looks for, not the traceback it looks in.
type SynchronousTestCase struct {
	pyunit.TestCase
}

func (self *SynchronousTestCase) AssertIn(x, container string) {
	line := "assertIn " + pyunit.Show(x) + " '<not shown>'"
	if !strings.Contains(container, x) {
		self.T().Print(line, "FAILED")
		panic(twisted.AssertionError.New(line))
	}
	self.T().Print(line)
}

// FailureTests tests failure.Failure.
type FailureTests struct {
	SynchronousTestCase
}

// test_failAndTrap: trapping a Failure.
func (self *FailureTests) test_failAndTrap() any {
	f := try(func() {
		panic(twisted.NotImplementedError.New("test"))
	})
	error := f.Trap(twisted.SystemExit, twisted.RuntimeError)
	self.AssertEqual(error, twisted.RuntimeError)
	self.AssertEqual(f.Type, twisted.NotImplementedError)
	return nil
}

// test_trapRaisesWrappedException: if the wrapped exception is not a
// subclass of one of the expected types, Trap raises the wrapped
// exception.
func (self *FailureTests) test_trapRaisesWrappedException() any {
	exception := twisted.ValueError.New()
	f := try(func() {
		panic(exception)
	})

	untrapped := self.AssertRaises(twisted.ValueError, func() error { f.Trap(twisted.OverflowError); return nil })
	self.AssertIs(exception, untrapped)
	return nil
}

// test_failureValueFromFailure: a Failure made from another Failure has
// the value of that Failure.
func (self *FailureTests) test_failureValueFromFailure() any {
	exception := twisted.ValueError.New()
	f1 := twisted.NewFailure(exception)
	f2 := twisted.NewFailure(f1)
	self.AssertIs(f2.Value, exception)
	return nil
}

// test_failureValueFromFoundFailure: a Failure made without an exception
// value, inside the except clause of a re-raised Failure, has that
// Failure's value.
func (self *FailureTests) test_failureValueFromFoundFailure() any {
	exception := twisted.ValueError.New()
	f1 := twisted.NewFailure(exception)
	f2 := try(func() {
		f1.Trap(twisted.OverflowError)
	})

	self.AssertIs(f2.Value, exception)
	return nil
}

func (self *FailureTests) assertStartsWith(s, prefix string) {
	self.AssertTrue(strings.HasPrefix(s, prefix))
}

func (self *FailureTests) assertEndsWith(s, suffix string) {
	self.AssertTrue(strings.HasSuffix(s, suffix))
}

func (self *FailureTests) assertTracebackFormat(tb, prefix, suffix string) {
	self.assertStartsWith(tb, prefix)
	self.assertEndsWith(tb, suffix)
}

// assertDetailedTraceback: printDetailedTraceback prints the header, the
// stack, and the footer with the Failure's value (captureVars and
// cleanFailure false: Go captures no variables).
func (self *FailureTests) assertDetailedTraceback() {
	f := getDivisionFailure()
	out := &strings.Builder{}
	f.PrintDetailedTraceback(out)

	tb := out.String()
	start := fmt.Sprintf("*--- Failure #%d%s---\n", f.Count(), " ") // (f.pickled and " (pickled) ") or " "
	end := fmt.Sprintf("%s: %s\n*--- End of Failure #%d ---\n",
		f.Type.QualName(),
		f.GetErrorMessage(),
		f.Count(),
	)
	self.assertTracebackFormat(tb, start, end)

	// Variables are printed on lines with 2 leading spaces.
	linesWithVars := []any{}
	for _, line := range strings.Split(strings.TrimSuffix(tb, "\n"), "\n") {
		if strings.HasPrefix(line, "  ") {
			linesWithVars = append(linesWithVars, line)
		}
	}

	self.AssertEqual([]any{}, linesWithVars)
	self.AssertIn(
		" [Capture of Locals and Globals disabled (use captureVars=True)]\n",
		tb,
	)
}

// assertBriefTraceback: printBriefTraceback prints the header, then the
// stack a line per frame.
func (self *FailureTests) assertBriefTraceback() {
	f := getDivisionFailure()
	out := &strings.Builder{}
	f.PrintBriefTraceback(out)
	tb := out.String()
	stack := ""
	for _, fr := range f.Frames() {
		stack += fmt.Sprintf("%s:%d:%s\n", fr.File, fr.Line, fr.Function)
	}

	zde := twisted.Repr(twisted.ZeroDivisionError)
	self.assertTracebackFormat(
		tb,
		fmt.Sprintf("Traceback: %s: ", zde),
		fmt.Sprintf("%s\n%s", twisted.ExceptionCaughtHere, stack),
	)
}

// assertDefaultTraceback: printTraceback prints Python's standard error
// report.
func (self *FailureTests) assertDefaultTraceback() {
	f := getDivisionFailure()
	out := &strings.Builder{}
	f.PrintTraceback(out, twisted.DetailDefault)
	tb := out.String()
	stack := ""
	for _, fr := range f.Frames() {
		stack += fmt.Sprintf("  File \"%s\", line %d, in %s\n", fr.File, fr.Line, fr.Function)
		stack += fmt.Sprintf("    %s\n", strings.TrimSpace(linecacheGetline(fr.File, fr.Line)))
	}

	self.assertTracebackFormat(
		tb,
		"Traceback (most recent call last):",
		fmt.Sprintf("%s\n%s%s: %s\n",
			twisted.ExceptionCaughtHere,
			stack,
			f.Type.QualName(),
			f.GetErrorMessage(),
		),
	)
}

// linecacheGetline is linecache.getline: the line of the file, or "".
func linecacheGetline(file string, line int) string {
	data, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

func (self *FailureTests) test_printDetailedTraceback() any {
	self.assertDetailedTraceback()
	return nil
}

func (self *FailureTests) test_printBriefTraceback() any {
	self.assertBriefTraceback()
	return nil
}

func (self *FailureTests) test_printTraceback() any {
	self.assertDefaultTraceback()
	return nil
}

// test_invalidFormatFramesDetail: an unknown detail level raises
// ValueError. (failure.format_frames(None, None, detail="noisia"): Go's
// format_frames is PrintTraceback's.)
func (self *FailureTests) test_invalidFormatFramesDetail() any {
	self.AssertRaises(
		twisted.ValueError, func() error { getDivisionFailure().PrintTraceback(nil, "noisia"); return nil },
	)
	return nil
}

func (self *FailureTests) test_ExplictPass() any {
	e := twisted.RuntimeError.New()
	f := twisted.NewFailure(e)
	f.Trap(twisted.RuntimeError)
	self.AssertEqual(f.Value, e)
	return nil
}

// test_ConstructionFails: a Failure of no exception, outside an except
// clause, raises NoCurrentExceptionError.
func (self *FailureTests) test_ConstructionFails() any {
	self.AssertRaises(twisted.NoCurrentExceptionError, func() error { twisted.NewFailure(nil); return nil })
	return nil
}

func init() {
	for name, test := range map[string]func(*FailureTests) any{
		"test_failAndTrap":                  (*FailureTests).test_failAndTrap,
		"test_trapRaisesWrappedException":   (*FailureTests).test_trapRaisesWrappedException,
		"test_failureValueFromFailure":      (*FailureTests).test_failureValueFromFailure,
		"test_failureValueFromFoundFailure": (*FailureTests).test_failureValueFromFoundFailure,
		"test_printDetailedTraceback":       (*FailureTests).test_printDetailedTraceback,
		"test_printBriefTraceback":          (*FailureTests).test_printBriefTraceback,
		"test_printTraceback":               (*FailureTests).test_printTraceback,
		"test_invalidFormatFramesDetail":    (*FailureTests).test_invalidFormatFramesDetail,
		"test_ExplictPass":                  (*FailureTests).test_ExplictPass,
		"test_ConstructionFails":            (*FailureTests).test_ConstructionFails,
	} {
		addTest("FailureTests", name, func() *FailureTests { return &FailureTests{} }, test)
	}
}
