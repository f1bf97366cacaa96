package twisted

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Python3QualName returns the class's qualified name as CPython 3 spells
// it, which is what Twisted 22.4's reflect.qual gives and its Failure
// prints: "builtins.ValueError" for a built-in class, "module.Name" for
// any other. Python 3's aliases are followed: IOError and EnvironmentError
// are OSError. QualName is Python 2's ("exceptions.ValueError").
func (c *Class) Python3QualName() string {
	if c.module == "exceptions" {
		name, _ := python3Builtin(c)
		return "builtins." + name
	}
	return c.QualName()
}

// Python3Repr returns repr(c) (and str(c)) as CPython 3 prints it:
// <class 'ValueError'> for a built-in class, <class 'module.Name'> for any
// other. String is Python 2's (<type 'exceptions.ValueError'>).
func (c *Class) Python3Repr() string {
	if c.module == "exceptions" {
		name, _ := python3Builtin(c)
		return "<class '" + name + "'>"
	}
	return "<class '" + c.QualName() + "'>"
}

// python3Builtin returns the name CPython 3 has for one of the built-in
// classes, which follow Python 2's hierarchy, and whether CPython 3 has it
// in its own hierarchy (it has no StandardError).
func python3Builtin(c *Class) (string, bool) {
	switch c {
	case IOError, EnvironmentError:
		return "OSError", true
	case StandardError:
		return c.name, false
	}
	return c.name, true
}

// String returns the failure's repr as Twisted 22.4 prints it, the
// qualified name of its class and its message:
//
//	<twisted.python.failure.Failure builtins.ValueError: boom>
//
// [Repr] prints a Failure so. The flow era's repr is [Failure.In2009]'s.
func (f *Failure) String() string {
	return "<twisted.python.failure.Failure " + f.class().Python3QualName() + ": " + f.GetErrorMessage() + ">"
}

// PyStr returns the failure's str as Twisted prints it, its brief
// traceback (GetBriefTraceback) in brackets:
//
//	[Failure instance: Traceback: <class 'ValueError'>: boom
//	/home/me/app/main.go:12:main.main
//	--- <exception caught here> ---
//	/home/me/app/main.go:30:main.parse
//	]
//
// [Str] prints a Failure so. Its Error method is the Go message, the last
// line of a traceback ("ValueError: boom"), which fmt prints.
func (f *Failure) PyStr() string {
	return "[Failure instance: " + f.GetBriefTraceback() + "]"
}

// In2009 returns the failure as the flow-era Twisted (2009, CPython 2.7)
// prints it, for code that is checked against that reference: Repr and
// Str of the result print that Twisted's repr and str of the failure.
//
//	twisted.Repr(f.In2009()) // <twisted.python.failure.Failure <type 'exceptions.ValueError'>>
func (f *Failure) In2009() Failure2009 { return Failure2009{f} }

// A Failure2009 is a Failure that prints as the flow-era Twisted prints
// it: see [Failure.In2009].
type Failure2009 struct {
	Failure *Failure
}

// PyRepr returns the flow era's repr of the failure: the repr of its class
// alone, as Python 2 prints it (None for a nil Failure, as [Repr] prints
// one).
//
//	<twisted.python.failure.Failure <type 'exceptions.ValueError'>>
func (p Failure2009) PyRepr() string {
	if p.Failure == nil {
		return "None"
	}
	return "<twisted.python.failure.Failure " + p.Failure.class().String() + ">"
}

// PyStr returns the flow era's str of the failure: its brief traceback,
// which names the class as Python 2 does.
//
//	[Failure instance: Traceback (failure with no frames): <type 'exceptions.ValueError'>: boom
//	]
//
// A nil Failure's is None.
func (p Failure2009) PyStr() string {
	if p.Failure == nil {
		return "None"
	}
	var b strings.Builder
	p.Failure.printTraceback(&b, DetailBrief, python2Names)
	return "[Failure instance: " + b.String() + "]"
}

// classNames is how a traceback spells a class: in the brief header (str
// of the class) and in the last line of the other details (reflect.qual).
type classNames struct {
	str, qual func(*Class) string
}

var (
	python3Names = classNames{(*Class).Python3Repr, (*Class).Python3QualName}
	python2Names = classNames{(*Class).String, (*Class).QualName}
)

// safeStr is Twisted's reflect.safe_str of an exception: its str, or,
// where the method that prints it panics, a text that says so, with the
// traceback of that panic. A Failure must print whatever its Value does.
func safeStr(err error) (s string) {
	defer func() {
		if v := recover(); v != nil {
			s = unprintable(err, v)
		}
	}()
	return strOf(err)
}

// strOf is str(err): PyStr where the error has it, else its Go message;
// nothing, for a Failure made as a struct literal without a Value.
func strOf(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.PyStr()
	}
	if s, ok := err.(PyStrer); ok {
		return s.PyStr()
	}
	if e := classifyGo(err); e != nil {
		return e.PyStr()
	}
	return err.Error()
}

// unprintable is _safeFormat's text for err, whose str panicked with v
// (call it from the deferred function that recovered v, so that the
// traceback is the panic's): the class, the address, and the traceback of
// the panic, ending as Python's traceback module ends one whose exception
// cannot be printed either.
func unprintable(err error, v any) string {
	f := newFailure(panicError(v), 3)
	frames, _ := f.tracebackFrames()
	var b strings.Builder
	b.WriteString("Traceback (most recent call last):\n")
	formatFrames(&b, frames, DetailDefault)
	b.WriteString(f.class().Name() + ": " + strOrFailed(f.Value) + "\n")
	return fmt.Sprintf("<%s instance at %#x with str error:\n %s>", ClassOf(err).Name(), addressOf(err), b.String())
}

// addressOf is Python's id() of a value that has one: a pointer's
// address, else 0 (printing the value itself could panic again).
func addressOf(v any) uintptr {
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return rv.Pointer()
	}
	return 0
}

// strOrFailed is str(err), or "<exception str() failed>" as Python's
// traceback module prints it, where that panics too.
func strOrFailed(err error) (s string) {
	defer func() {
		if recover() != nil {
			s = "<exception str() failed>"
		}
	}()
	return strOf(err)
}
