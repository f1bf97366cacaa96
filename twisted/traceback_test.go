package twisted

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"
)

// getDivisionFailure is test_failure.py's: a Failure of 1/0 caught where
// it was raised.
func getDivisionFailure() (f *Failure) {
	defer func() { f = FailureFromPanic(recover()) }()
	zero := 0
	_ = 1 / zero
	return nil
}

// The formats test_failure.py's assertDefaultTraceback,
// assertBriefTraceback and assertDetailedTraceback check.
func TestPrintTraceback(t *testing.T) {
	f := getDivisionFailure()
	frames := f.Frames()
	assert.Assert(t, len(frames) > 0)
	assert.Equal(t, frames[0].Function, "github.com/twistedflow/twistedflow/twisted.getDivisionFailure",
		"the frames start where the exception was caught")
	assert.Assert(t, len(f.Stack()) > 0 && strings.HasSuffix(f.Stack()[len(f.Stack())-1].Function, "TestPrintTraceback"))

	var stack string
	for _, fr := range frames {
		stack += fmt.Sprintf("  File \"%s\", line %d, in %s\n    %s\n", fr.File, fr.Line, fr.Function, sourceLine(fr.File, fr.Line))
	}
	tb := f.GetTraceback()
	assert.Assert(t, strings.HasPrefix(tb, "Traceback (most recent call last):"))
	assert.Assert(t, strings.HasSuffix(tb, ExceptionCaughtHere+"\n"+stack+"builtins.ZeroDivisionError: integer division or modulo by zero\n"), tb)
	assert.Assert(t, is.Contains(tb, "_ = 1 / zero"), "the source line of the raise")

	var brief string
	for _, fr := range frames {
		brief += fmt.Sprintf("%s:%d:%s\n", fr.File, fr.Line, fr.Function)
	}
	tb = f.GetBriefTraceback()
	assert.Assert(t, strings.HasPrefix(tb, "Traceback: <class 'ZeroDivisionError'>: "), tb)
	assert.Assert(t, strings.HasSuffix(tb, ExceptionCaughtHere+"\n"+brief), tb)

	var b strings.Builder
	f.PrintDetailedTraceback(&b)
	tb = b.String()
	assert.Assert(t, strings.HasPrefix(tb, fmt.Sprintf("*--- Failure #%d ---\n", f.Count())), tb)
	assert.Assert(t, strings.HasSuffix(tb, fmt.Sprintf("builtins.ZeroDivisionError: integer division or modulo by zero\n*--- End of Failure #%d ---\n", f.Count())), tb)
	assert.Assert(t, is.Contains(tb, " [Capture of Locals and Globals disabled (use captureVars=True)]\n"))
	for _, line := range strings.Split(tb, "\n") {
		assert.Assert(t, !strings.HasPrefix(line, "  "), "no variables are printed: %q", line)
	}
}

// test_invalidFormatFramesDetail: another detail raises ValueError.
func TestPrintTracebackInvalidDetail(t *testing.T) {
	f := getDivisionFailure()
	defer func() {
		err, _ := recover().(error)
		assert.Assert(t, errors.Is(err, ValueError), "%v", err)
		assert.Equal(t, Str(err), "Detail must be default, brief, verbose, or verbose-vars-not-captured. (not 'noisia')")
	}()
	f.GetTracebackDetail("noisia")
}

// A Failure made by NewFailure was raised and caught by its caller.
func TestNewFailureTraceback(t *testing.T) {
	f := NewFailure(KeyError.New("k"))
	frames := f.Frames()
	assert.Equal(t, len(frames), 1)
	assert.Assert(t, strings.HasSuffix(frames[0].Function, "TestNewFailureTraceback"))
	assert.Assert(t, strings.HasSuffix(f.GetTraceback(), "f := NewFailure(KeyError.New(\"k\"))\nbuiltins.KeyError: 'k'\n"), f.GetTraceback())
}

// A Failure without frames prints as Twisted's ("Failure: ...").
func TestFramelessTraceback(t *testing.T) {
	f := &Failure{Value: ValueError.New("v"), Type: ValueError}
	assert.Equal(t, f.GetTraceback(), "Traceback (most recent call last):\nFailure: builtins.ValueError: v\n")
	assert.Equal(t, f.GetBriefTraceback(), "Traceback (failure with no frames): <class 'ValueError'>: v\n")
}

// CleanFailure keeps the frames as names, files and lines.
func TestCleanFailure(t *testing.T) {
	f := getDivisionFailure()
	before := f.GetTraceback()
	frames := f.Frames()
	f.CleanFailure()
	assert.Assert(t, f.pcs == nil)
	assert.DeepEqual(t, f.Frames(), frames)
	assert.Equal(t, f.GetTraceback(), before)
}

// Failures are numbered in the order they are made; Parents are the
// class's MRO, qualified.
func TestCountAndParents(t *testing.T) {
	a, b := NewFailure(KeyError.New()), NewFailure(KeyError.New())
	assert.Assert(t, b.Count() > a.Count())
	// As Twisted 22.4 prints them (checked live): CPython 3 has no
	// StandardError, and its IOError is OSError.
	assert.DeepEqual(t, a.Parents(), []string{"builtins.KeyError", "builtins.LookupError", "builtins.Exception", "builtins.BaseException", "builtins.object"})
	dns := NewClass("twisted.internet.error.DNSLookupError", IOError)
	assert.DeepEqual(t, NewFailure(dns.New()).Parents(), []string{"twisted.internet.error.DNSLookupError", "builtins.OSError", "builtins.Exception", "builtins.BaseException", "builtins.object"})
}
