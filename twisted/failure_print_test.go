package twisted

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"
)

// The repr and str of a Failure without frames, as Twisted 22.4 and the
// 2009 Twisted print them (both checked live, under /usr/bin/python3 and
// under python2.7 with the 2009 tree):
//
//	f = failure.Failure(ValueError("v")); f.frames = []  # no frames
//	repr(f), str(f)
func TestFailureReprAndStr(t *testing.T) {
	f := &Failure{Value: ValueError.New("v"), Type: ValueError}
	assert.Equal(t, f.String(), "<twisted.python.failure.Failure builtins.ValueError: v>")
	assert.Equal(t, Repr(f), f.String())
	assert.Equal(t, f.PyStr(), "[Failure instance: Traceback (failure with no frames): <class 'ValueError'>: v\n]")
	assert.Equal(t, Str(f), f.PyStr())
	assert.Equal(t, f.Error(), "ValueError: v", "the Go message is the traceback's last line")

	assert.Equal(t, Repr(f.In2009()), "<twisted.python.failure.Failure <type 'exceptions.ValueError'>>")
	assert.Equal(t, Str(f.In2009()), "[Failure instance: Traceback (failure with no frames): <type 'exceptions.ValueError'>: v\n]")

	// A user class, an exception without arguments, one with several.
	mine := NewClass("MyErr", nil)
	g := &Failure{Value: mine.New("x", 2), Type: mine}
	assert.Equal(t, Repr(g), "<twisted.python.failure.Failure __main__.MyErr: ('x', 2)>")
	assert.Equal(t, Repr(g.In2009()), "<twisted.python.failure.Failure <class '__main__.MyErr'>>")
	assert.Equal(t, Str(g), "[Failure instance: Traceback (failure with no frames): <class '__main__.MyErr'>: ('x', 2)\n]")
	z := &Failure{Value: ZeroDivisionError.New(), Type: ZeroDivisionError}
	assert.Equal(t, Repr(z), "<twisted.python.failure.Failure builtins.ZeroDivisionError: >")
	k := &Failure{Value: KeyError.New("k"), Type: KeyError}
	assert.Equal(t, Repr(k), "<twisted.python.failure.Failure builtins.KeyError: 'k'>")
	o := &Failure{Value: IOError.New("a", "b"), Type: IOError}
	assert.Equal(t, Repr(o), "<twisted.python.failure.Failure builtins.OSError: [Errno a] b>")
}

// With frames, str(f) is the brief traceback: the stack above the catch,
// the line, the frames from the catch to the raise.
func TestFailureStrHasTheBriefTraceback(t *testing.T) {
	f := getDivisionFailure()
	s := Str(f)
	assert.Assert(t, strings.HasPrefix(s, "[Failure instance: Traceback: <class 'ZeroDivisionError'>: integer division or modulo by zero\n"), s)
	assert.Assert(t, strings.HasSuffix(s, ExceptionCaughtHere+"\n"+fmt.Sprintf("%s:%d:%s\n", f.Frames()[0].File, f.Frames()[0].Line, f.Frames()[0].Function)+"]"), s)
	assert.Assert(t, strings.HasPrefix(Str(f.In2009()), "[Failure instance: Traceback: <type 'exceptions.ZeroDivisionError'>: integer division or modulo by zero\n"))
	// The traceback shows the last traceupLength frames of the stack.
	assert.Equal(t, strings.Count(strings.Split(s, ExceptionCaughtHere)[0], "\n"), 1+min(traceupLength, len(f.Stack())), s)
}

// Python 3's names of the port's (Python 2's) built-in classes.
func TestPython3Names(t *testing.T) {
	for _, c := range []struct {
		class      *Class
		qual, repr string
	}{
		{ValueError, "builtins.ValueError", "<class 'ValueError'>"},
		{IOError, "builtins.OSError", "<class 'OSError'>"},
		{EnvironmentError, "builtins.OSError", "<class 'OSError'>"},
		{NewClass("a.b.C", nil), "a.b.C", "<class 'a.b.C'>"},
		{NewClass("C", nil), "__main__.C", "<class '__main__.C'>"},
	} {
		assert.Equal(t, c.class.Python3QualName(), c.qual)
		assert.Equal(t, c.class.Python3Repr(), c.repr)
	}
}

// brokenStr is test_failure.py's BrokenStr: an exception whose str raises
// (itself).
type brokenStr struct{}

var brokenStrClass = NewClass("BrokenStr", Exception)

func (e *brokenStr) PythonClass() *Class { return brokenStrClass }
func (e *brokenStr) Error() string       { panic(e) }

// strPanics is an exception whose str raises another, printable exception.
type strPanics struct{}

func (strPanics) Error() string { panic(ValueError.New("no str")) }

// nilPanic is an exception whose str panics with nil.
type nilPanic struct{}

func (nilPanic) Error() string { panic(nil) }

// A value whose str panics prints as Twisted's safe_str prints it (checked
// live: "<BrokenStr instance at 0x… with str error:\n Traceback (most
// recent call last):\n  File … raise self\nBrokenStr: <exception str()
// failed>\n>"), in every detail, the repr and the str: a Failure prints
// whatever it carries.
func TestFailureOfUnprintableValue(t *testing.T) {
	f := NewFailure(&brokenStr{})
	msg := f.GetErrorMessage()
	re := regexp.MustCompile(`(?s)^<BrokenStr instance at 0x[0-9a-f]+ with str error:\n Traceback \(most recent call last\):\n  File ".*failure_print_test.go", line \d+, in .*brokenStr\)\.Error\n    func \(e \*brokenStr\) Error\(\) string       \{ panic\(e\) \}\nBrokenStr: <exception str\(\) failed>\n>$`)
	assert.Assert(t, re.MatchString(msg), msg)
	for _, detail := range []string{DetailBrief, DetailDefault, DetailVerbose} {
		assert.Assert(t, is.Contains(f.GetTracebackDetail(detail), msg))
	}
	assert.Equal(t, Repr(f), "<twisted.python.failure.Failure __main__.BrokenStr: "+msg+">")
	assert.Assert(t, is.Contains(Str(f), msg))
	assert.Equal(t, f.Error(), "BrokenStr: "+msg)

	g := NewFailure(strPanics{})
	assert.Assert(t, regexp.MustCompile(`(?s)^<Exception instance at 0x0 with str error:\n Traceback .*\nValueError: no str\n>$`).MatchString(g.GetErrorMessage()), g.GetErrorMessage())
	h := NewFailure(nilPanic{})
	assert.Assert(t, strings.HasPrefix(h.GetErrorMessage(), "<Exception instance at 0x0 with str error:\n"), h.GetErrorMessage())
}

// A Failure prints as Twisted 22.4 prints it; In2009 gives the flow-era
// Twisted's text, for a trace recorded under the 2009 reference.
func ExampleFailure_In2009() {
	f := NewFailure(ValueError.New("boom"))
	fmt.Println(Repr(f))
	fmt.Println(Repr(f.In2009()))
	fmt.Println(f.Error())
	// Output:
	// <twisted.python.failure.Failure builtins.ValueError: boom>
	// <twisted.python.failure.Failure <type 'exceptions.ValueError'>>
	// ValueError: boom
}
