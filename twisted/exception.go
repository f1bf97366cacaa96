package twisted

import (
	"errors"
	"runtime"
	"strings"
)

// An Error is an instance of a Python exception class: the error that
// ported code returns (or panics with) where the Python raised.
//
// Its PyStr method is Python's str(exception), and Error the same unless
// that is empty; Repr gives Python's repr. errors.Is(err, class) matches
// the class and every parent of it.
type Error struct {
	Class *Class
	Args  Tuple
	// Cause is the Go error this exception stands for, if any (a recovered
	// runtime error, an I/O error...). Unwrap returns it.
	Cause error
}

// Error returns Python's str(exception) (PyStr), or the class's name
// where that is empty, so that a Go error message is never blank: a
// panic with AlreadyCalledError() prints "panic: AlreadyCalledError", as
// a Python traceback ends with the class of an exception without
// arguments.
func (e *Error) Error() string {
	if s := e.PyStr(); s != "" {
		return s
	}
	return e.Class.Name()
}

// PyStr returns Python's str(exception): the single argument as str, the
// argument tuple when there are several, "" for none. KeyError, as in
// Python, shows its single argument with repr. A class given its own str
// by WithStr (or a parent class so given) prints what that returns.
func (e *Error) PyStr() string {
	for k := e.Class; k != nil; k = k.parent {
		if k.str != nil {
			return k.str(e)
		}
	}
	if len(e.Args) == 1 && e.Class.IsSubclass(KeyError) {
		return Repr(e.Args[0])
	}
	return argsStr(e.Args)
}

// argsStr is BaseException's str: "" for no arguments, str of the single
// one, the repr of the tuple of several.
func argsStr(args Tuple) string {
	switch len(args) {
	case 0:
		return ""
	case 1:
		return Str(args[0])
	}
	return Repr(args)
}

// Is reports whether target is the exception's class or a parent of it
// (target a *Class). errors.Is also matches the very same exception, by
// ==.
func (e *Error) Is(target error) bool {
	if c, ok := target.(*Class); ok && e != nil {
		return e.Class.IsSubclass(c)
	}
	return false
}

// Unwrap returns the Go error the exception stands for, if any.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Cause
}

// Message returns the single argument as a string, as Python 2's
// e.message: "" when there are none, or several.
func (e *Error) Message() string {
	if len(e.Args) != 1 {
		return ""
	}
	return Str(e.Args[0])
}

// Classed is implemented by Go error types that declare which Python
// exception class they stand for.
type Classed interface {
	error
	PythonClass() *Class
}

// ClassOf returns the Python class of an error: the class of the *Error
// (or Classed error) found along its Unwrap chain, the Python twin of a Go
// runtime error, a *Class used as a value stands for itself, the class a
// Go error of files, the system or the network stands for (see
// RegisterErrorClassifier), and Exception for any other Go error. ClassOf(nil) is nil, as is ClassOf of a nil
// pointer.
func ClassOf(err error) *Class {
	if err == nil || isNilPointer(err) {
		return nil
	}
	var f *Failure
	if errors.As(err, &f) && f != nil {
		return f.class()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Class
	}
	var c Classed
	if errors.As(err, &c) {
		return c.PythonClass()
	}
	if k, ok := err.(*Class); ok {
		return k
	}
	var re runtime.Error
	if errors.As(err, &re) {
		return fromRuntime(re).Class
	}
	if e := classifyGo(err); e != nil {
		return e.Class
	}
	return Exception
}

// AsError returns err as a Python exception: err itself when it is an
// *Error, the Python twin of a Go runtime error, a class's instance
// without arguments for a *Class (Python's raise KeyError), a Failure's
// Value as such, the exception a Go error of files, the system or the
// network stands for (IOError(2, 'No such file or directory', 'f'), with
// err as its Cause: see RegisterErrorClassifier), and otherwise an exception of ClassOf(err) carrying err's
// message, with err as its Cause. AsError(nil) is nil.
func AsError(err error) *Error {
	if err == nil || isNilPointer(err) {
		return nil
	}
	switch x := err.(type) {
	case *Class:
		return x.New()
	case *Failure:
		return AsError(x.Value)
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var re runtime.Error
	if errors.As(err, &re) {
		return fromRuntime(re)
	}
	if e := classifyGo(err); e != nil {
		return e
	}
	return &Error{Class: ClassOf(err), Args: Tuple{err.Error()}, Cause: err}
}

// fromRuntime maps a Go runtime panic to the exception Python raises for
// the same mistake, keeping Python's message so traces compare.
func fromRuntime(re runtime.Error) *Error {
	msg := strings.TrimPrefix(re.Error(), "runtime error: ")
	var class *Class
	switch {
	case strings.Contains(msg, "divide by zero"):
		class, msg = ZeroDivisionError, "integer division or modulo by zero"
	case strings.Contains(msg, "index out of range"), strings.Contains(msg, "slice bounds out of range"):
		class, msg = IndexError, "list index out of range"
	case strings.HasPrefix(msg, "interface conversion"):
		class = TypeError
	case strings.Contains(msg, "nil pointer dereference"), strings.Contains(msg, "nil map"):
		class = AttributeError
	default:
		class = RuntimeError
	}
	return &Error{Class: class, Args: Tuple{msg}, Cause: re}
}
