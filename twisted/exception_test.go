package twisted

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"
)

var builtins = map[string]*Class{}

func init() {
	for _, c := range []*Class{BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,
		StopIteration, StandardError, ArithmeticError, ZeroDivisionError, OverflowError, AssertionError,
		AttributeError, EnvironmentError, IOError, OSError, LookupError, IndexError, KeyError, NameError,
		RuntimeError, NotImplementedError, TypeError, ValueError, MemoryError} {
		builtins[c.Name()] = c
	}
}

func TestHierarchyMatchesPython2(t *testing.T) {
	f, err := os.Open("testdata/hierarchy.golden")
	assert.NilError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		name, base, _ := strings.Cut(sc.Text(), "\t")
		c := builtins[name]
		assert.Assert(t, c != nil, "no Go class %s", name)
		if base == "-" {
			assert.Assert(t, c.Parent() == nil)
		} else {
			assert.Equal(t, c.Parent().Name(), base, "base of %s", name)
		}
		n++
	}
	assert.Equal(t, n, len(builtins))
}

func TestTrapByParentClass(t *testing.T) {
	f := NewFailure(ZeroDivisionError.New("integer division or modulo by zero"))
	assert.Equal(t, f.Check(KeyError, ArithmeticError), ArithmeticError, "Check returns the matching argument")
	assert.Assert(t, f.Check(KeyError, IOError) == nil)
	assert.Equal(t, f.Trap(ZeroDivisionError), ZeroDivisionError)
	assert.Assert(t, errors.Is(f, ArithmeticError))
	assert.Assert(t, errors.Is(f, StandardError))
	assert.Assert(t, !errors.Is(f, LookupError))
	var e *Error
	assert.Assert(t, errors.As(f, &e))
	assert.Equal(t, e.Class, ZeroDivisionError)
}

func TestTrapRaisesTheSameFailure(t *testing.T) {
	f := NewFailure(KeyError.New("k"))
	defer func() {
		assert.Equal(t, FailureFromPanic(recover()), f)
	}()
	f.Trap(ValueError)
	t.Fatal("Trap did not raise")
}

func TestUserClasses(t *testing.T) {
	custom := NewClass("CustomError", nil)
	sub := NewClass("mypkg.SubError", custom)
	err := fmt.Errorf("context: %w", sub.New("x"))
	assert.Equal(t, ClassOf(err), sub)
	assert.Assert(t, errors.Is(err, custom))
	assert.Assert(t, errors.Is(err, Exception))
	assert.Assert(t, !errors.Is(err, StandardError))
	assert.Equal(t, sub.QualName(), "mypkg.SubError")
	assert.Equal(t, NewFailure(err).GetErrorMessage(), "x")
}

func recovered(f func()) (fail *Failure) {
	defer func() { fail = FailureFromPanic(recover()) }()
	f()
	return nil
}

func TestRuntimePanicsBecomePythonTwins(t *testing.T) {
	zero, list := 0, []int{1}
	var v any = "str"
	cases := []struct {
		name  string
		f     func()
		class *Class
		msg   string
	}{
		{"divide", func() { _ = 1 / zero }, ZeroDivisionError, "integer division or modulo by zero"},
		{"index", func() { _ = list[zero+3] }, IndexError, "list index out of range"},
		{"assertion", func() { _ = v.(int) }, TypeError, "interface conversion: interface {} is string, not int"},
		{"string", func() { panic("boom") }, Exception, "boom"},
		{"error", func() { panic(io.EOF) }, Exception, "EOF"},
		{"exception", func() { panic(KeyError.New("k")) }, KeyError, "'k'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := recovered(c.f)
			assert.Equal(t, f.Type, c.class)
			assert.Equal(t, f.GetErrorMessage(), c.msg)
		})
	}
	f := recovered(func() { panic(io.EOF) })
	assert.Assert(t, errors.Is(f, io.EOF), "a Go error keeps its identity")
}

func TestTracebackNamesWhereItArose(t *testing.T) {
	zero := 0
	f := recovered(func() { _ = 1 / zero })
	tb := f.GetTraceback()
	assert.Assert(t, strings.HasPrefix(tb, "Traceback (most recent call last):\n"))
	assert.Assert(t, is.Contains(tb, "TestTracebackNamesWhereItArose"))
	lines := strings.Split(strings.TrimSpace(tb), "\n")
	// The last lines: the raising frame's File line, its source, the exception.
	assert.Assert(t, is.Contains(lines[len(lines)-3], "TestTracebackNamesWhereItArose.func1"),
		"the most recent frame is where the panic was raised, not the recovering code:\n%s", tb)
	assert.Assert(t, !strings.Contains(tb, "recovered.func1"), "the recovering closure is left out:\n%s", tb)
	assert.Assert(t, strings.HasSuffix(tb, "builtins.ZeroDivisionError: integer division or modulo by zero\n"))
	assert.Equal(t, f.Error(), "ZeroDivisionError: integer division or modulo by zero")
}

func TestNewFailureKeepsAFailure(t *testing.T) {
	f := NewFailure(ValueError.New("v"))
	assert.Equal(t, NewFailure(f), f)
	assert.Equal(t, FailureFromPanic(f), f)
	defer func() { assert.Equal(t, FailureFromPanic(recover()), f) }()
	f.RaiseException()
}

func ExampleFailure_Trap() {
	f := NewFailure(ZeroDivisionError.New("integer division or modulo by zero"))
	fmt.Println(Repr(f.Trap(KeyError, ArithmeticError)))
	fmt.Println(f.GetErrorMessage())
	// Output:
	// <type 'exceptions.ArithmeticError'>
	// integer division or modulo by zero
}

func ExampleRepr() {
	fmt.Println(Repr([]any{1, "it's", Tuple{None, 0.1}, ValueError.New("bad")}))
	// Output: [1, "it's", (None, 0.1), ValueError('bad',)]
}

func TestErrorWithoutArgs(t *testing.T) {
	e := RuntimeError.New()
	// Python's str is empty; the Go message names the class instead.
	assert.Equal(t, e.PyStr(), "")
	assert.Equal(t, Str(e), "")
	assert.Equal(t, e.Error(), "RuntimeError")
	assert.Equal(t, NewFailure(e).GetErrorMessage(), "")
	assert.Equal(t, NewFailure(e).Error(), "RuntimeError")
	// With arguments, both are Python's str.
	e = KeyError.New("k")
	assert.Equal(t, e.PyStr(), "'k'")
	assert.Equal(t, e.Error(), "'k'")
}
