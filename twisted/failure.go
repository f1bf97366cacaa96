package twisted

import (
	"runtime"
)

// A Failure is Twisted's twisted.python.failure.Failure: an exception
// together with the stack where it arose, passed down errback chains and
// flows in place of a raised exception.
//
// A Failure is an error: errors.Is and errors.As see through it to its
// Value, so errors.Is(f, twisted.KeyError) works as f.Check(KeyError) does.
//
// A Failure prints as Twisted 22.4 prints it, the Twisted code is ported
// from today: String is its repr (<twisted.python.failure.Failure
// builtins.ValueError: boom>), PyStr its str ([Failure instance: ...] with
// its brief traceback), and the tracebacks and Parents name classes as
// CPython 3 does ([Class.Python3Repr], [Class.Python3QualName]). The
// flow-era Twisted (2009, CPython 2.7) printed its repr as
// <twisted.python.failure.Failure <type 'exceptions.ValueError'>>; code
// checked against that reference prints f.In2009() instead of f. Error is
// the Go message, the last line of a traceback: "ValueError: boom".
type Failure struct {
	// Value is the exception the failure carries (Python's failure.value).
	Value error
	// Type is the Python class of Value (Python's failure.type). A
	// Failure made as a struct literal without one is of ClassOf(Value),
	// or of Exception when Value is nil too.
	Type *Class

	pcs   []uintptr
	count int64
	// cleaned is set by CleanFailure, which resolves the frames.
	cleaned       bool
	frames, stack []Frame
}

// NewFailure wraps err in a Failure, recording the caller's stack, as
// Failure(exc_value) does. If err is already a Failure it is returned as is,
// keeping its original stack. NewFailure(nil) panics with
// NoCurrentExceptionError, as Python's Failure() raises it when there is
// no exception to wrap: a Failure of nothing is a bug.
func NewFailure(err error) *Failure {
	return newFailure(err, 3)
}

func newFailure(err error, skip int) *Failure {
	if err == nil || isNilPointer(err) {
		panic(NoCurrentExceptionError.New())
	}
	switch x := err.(type) {
	case *Failure:
		return x
	case *Class:
		err = x.New() // Python's raise KeyError raises KeyError()
	}
	var pcs [64]uintptr
	n := runtime.Callers(skip, pcs[:])
	return &Failure{Value: err, Type: ClassOf(err), pcs: pcs[:n:n], count: failureCount.Add(1)}
}

// FailureFromPanic turns a value recovered from a panic into a Failure, as
// Failure() does inside an except clause. Call it from the deferred
// function that recovers, so the stack recorded is the panicking one. A
// panicking *Failure is returned as is (Trap and RaiseException panic with
// one); a Go runtime error becomes its Python twin (integer divide by zero
// is a ZeroDivisionError); any other error keeps its class; any other value
// becomes an Exception whose argument is the value.
func FailureFromPanic(v any) *Failure {
	if f, ok := v.(*Failure); ok && f != nil {
		return f
	}
	return newFailure(panicError(v), 3)
}

// panicError is the exception a value recovered from a panic stands for
// (see FailureFromPanic).
func panicError(v any) error {
	if isNilPointer(v) {
		// Python's raise None.
		return TypeError.New("exceptions must be old-style classes or derived from BaseException, not NoneType")
	}
	switch x := v.(type) {
	case runtime.Error:
		return fromRuntime(x)
	case error:
		return x
	case string:
		return Exception.New(x)
	}
	return Exception.New(v)
}

// Error returns the failure's class name and message, as the last line of
// a Python traceback: "ZeroDivisionError: integer division or modulo by zero".
func (f *Failure) Error() string {
	msg := f.GetErrorMessage()
	if msg == "" {
		return f.class().Name()
	}
	return f.class().Name() + ": " + msg
}

// class is the failure's Type, or for a Failure made as a struct literal
// without one, the class its Value is of.
func (f *Failure) class() *Class {
	if f.Type != nil {
		return f.Type
	}
	if f.Value != nil && f.Value != error(f) {
		if c := ClassOf(f.Value); c != nil {
			return c
		}
	}
	return Exception
}

// Unwrap returns the failure's Value.
func (f *Failure) Unwrap() error {
	if f == nil {
		return nil
	}
	return f.Value
}

// Is reports whether target is a *Class that the failure's Type is or
// derives from, as Check does: errors.Is(f, twisted.KeyError) holds for
// every failure Check(KeyError) matches, whatever error its Value is.
func (f *Failure) Is(target error) bool {
	c, ok := target.(*Class)
	return ok && f != nil && f.class().IsSubclass(c)
}

// Check returns the first of classes that the failure's type is, or derives
// from, and nil if none matches — as Failure.check, which returns the
// matching class from the arguments, not the failure's own type.
func (f *Failure) Check(classes ...*Class) *Class {
	for _, c := range classes {
		if c != nil && f.class().IsSubclass(c) {
			return c
		}
	}
	return nil
}

// Trap returns what Check returns, and if nothing matches it raises the
// failure again (panics with it), as Failure.trap does. Inside an errback
// that re-raise passes the same failure on down the chain:
//
//	d.AddErrback(func(f *twisted.Failure) (any, error) {
//		f.Trap(twisted.KeyError) // any other failure goes on unhandled
//		return "recovered", nil
//	})
func (f *Failure) Trap(classes ...*Class) *Class {
	if c := f.Check(classes...); c != nil {
		return c
	}
	panic(f)
}

// RaiseException raises the failure's exception again (panics with the
// failure, keeping its stack), as Failure.raiseException does. Code that
// recovers it with FailureFromPanic gets this very Failure back.
func (f *Failure) RaiseException() {
	panic(f)
}

// GetErrorMessage returns str(value), as Failure.getErrorMessage: the
// exception's PyStr where it has one, else its Go message. A value whose
// method panics there gives Twisted's reflect.safe_str text instead
// ("<BrokenStr instance at 0x… with str error:" and the traceback of that
// panic), so that a Failure prints whatever it carries.
func (f *Failure) GetErrorMessage() string {
	return safeStr(f.Value)
}
