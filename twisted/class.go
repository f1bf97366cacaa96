package twisted

import (
	"fmt"
	"strings"
)

// A Class is a Python exception class: a name, the module it lives in, and
// its parent class. Classes form the same tree as Python's, so matching by a
// parent (Check, Trap, errors.Is) catches every subclass.
//
// A *Class is itself an error, so that it can be the target of errors.Is:
// errors.Is(err, twisted.LookupError) reports whether err is an exception of
// class LookupError or of one of its subclasses.
type Class struct {
	name   string
	module string
	parent *Class
	str    func(*Error) string // the class's own __str__, if it has one
}

// NewClass declares an exception class, as Python's
//
//	class CustomError(Exception): pass
//
// ports to
//
//	var CustomError = twisted.NewClass("CustomError", twisted.Exception)
//
// The name may be qualified with its module ("mypkg.CustomError"); it
// defaults to "__main__", as for a class defined in a Python script. Repr
// prints a user class as <class 'module.Name'>. A nil parent means
// Exception, Python's default base for user exceptions.
func NewClass(name string, parent *Class) *Class {
	module := "__main__"
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		module, name = name[:i], name[i+1:]
	}
	if parent == nil {
		parent = Exception
	}
	return &Class{name: name, module: module, parent: parent}
}

// builtin declares one of Python 2's built-in exception classes, which live
// in the module "exceptions".
func builtin(name string, parent *Class) *Class {
	return &Class{name: name, module: "exceptions", parent: parent}
}

// WithStr gives the class its own str(), as a Python exception class that
// defines __str__ has: Error() of an exception of the class, or of a
// subclass that has none of its own, returns str(e). It returns c, so that
// it goes with the declaration (call it there, before any use):
//
//	var AlreadyCalled = twisted.NewClass("twisted.internet.error.AlreadyCalled", twisted.ValueError).
//		WithStr(func(e *twisted.Error) string { return "Tried to cancel an already-called event." })
func (c *Class) WithStr(str func(e *Error) string) *Class {
	c.str = str
	return c
}

// Name returns the class's own name, as Python's cls.__name__.
func (c *Class) Name() string { return c.name }

// Module returns the module the class was declared in, as cls.__module__.
func (c *Class) Module() string { return c.module }

// QualName returns module.Name, the name Twisted's Failure prints for a
// failure's type. Built-in classes print their bare name in messages but
// "exceptions.Name" here, as Python 2 does.
func (c *Class) QualName() string { return c.module + "." + c.name }

// Parent returns the class this one derives from; nil for BaseException.
func (c *Class) Parent() *Class { return c.parent }

// IsSubclass reports whether c is other or derives from it, as Python's
// issubclass(c, other).
func (c *Class) IsSubclass(other *Class) bool {
	for k := c; k != nil; k = k.parent {
		if k == other {
			return true
		}
	}
	return false
}

// New makes an exception of this class with the given arguments, as calling
// the class in Python does: ValueError.New("bad") is ValueError('bad').
func (c *Class) New(args ...any) *Error {
	return &Error{Class: c, Args: Tuple(args)}
}

// Errorf makes an exception of this class whose single argument is the
// formatted message.
func (c *Class) Errorf(format string, a ...any) *Error {
	return c.New(fmt.Sprintf(format, a...))
}

// Error returns the class's name, so that a *Class can stand as an errors.Is
// target. It is rarely printed: use Repr for Python's rendering.
func (c *Class) Error() string { return c.name }

// Is reports whether target is c or a parent class of it: a class used as
// a value stands for itself (see ClassOf), so errors.Is(twisted.KeyError,
// twisted.LookupError) holds.
func (c *Class) Is(target error) bool {
	t, ok := target.(*Class)
	return ok && c.IsSubclass(t)
}

// String returns Python 2's repr of the class: <type 'exceptions.KeyError'>
// for a built-in class, <class '__main__.CustomError'> for a declared one.
func (c *Class) String() string {
	if c.module == "exceptions" {
		return "<type '" + c.QualName() + "'>"
	}
	return "<class '" + c.QualName() + "'>"
}

// Python 2's exception hierarchy, as far as ported code and the
// conformance scenarios use it.
var (
	BaseException       = &Class{name: "BaseException", module: "exceptions"}
	SystemExit          = builtin("SystemExit", BaseException)
	KeyboardInterrupt   = builtin("KeyboardInterrupt", BaseException)
	GeneratorExit       = builtin("GeneratorExit", BaseException)
	Exception           = builtin("Exception", BaseException)
	StopIteration       = builtin("StopIteration", Exception)
	StandardError       = builtin("StandardError", Exception)
	ArithmeticError     = builtin("ArithmeticError", StandardError)
	ZeroDivisionError   = builtin("ZeroDivisionError", ArithmeticError)
	OverflowError       = builtin("OverflowError", ArithmeticError)
	AssertionError      = builtin("AssertionError", StandardError)
	AttributeError      = builtin("AttributeError", StandardError)
	EnvironmentError    = builtin("EnvironmentError", StandardError)
	IOError             = builtin("IOError", EnvironmentError)
	OSError             = builtin("OSError", EnvironmentError)
	LookupError         = builtin("LookupError", StandardError)
	IndexError          = builtin("IndexError", LookupError)
	KeyError            = builtin("KeyError", LookupError)
	NameError           = builtin("NameError", StandardError)
	RuntimeError        = builtin("RuntimeError", StandardError)
	NotImplementedError = builtin("NotImplementedError", RuntimeError)
	TypeError           = builtin("TypeError", StandardError)
	ValueError          = builtin("ValueError", StandardError)
	MemoryError         = builtin("MemoryError", StandardError)
)

// Python's warning classes, and the exceptions the port raises where the
// Python would: RecursionError (Python 3's, a RuntimeError) where Twisted
// recurses until it is raised, and Twisted's NoCurrentExceptionError where
// a Failure is asked for "the current exception", which Go does not have.
var (
	Warning                 = builtin("Warning", Exception)
	DeprecationWarning      = builtin("DeprecationWarning", Warning)
	RecursionError          = builtin("RecursionError", RuntimeError)
	NoCurrentExceptionError = NewClass("twisted.python.failure.NoCurrentExceptionError", Exception)
)

// EnvironmentError's str is set here rather than where it is declared:
// its function refers, through Repr, back to EnvironmentError.
func init() { EnvironmentError.WithStr(environmentErrorStr) }

// environmentErrorStr is Python 2's str of an EnvironmentError (IOError,
// OSError): "[Errno 2] No such file" for (errno, strerror), with ": 'f'"
// for a filename, and the plain str for any other arguments.
func environmentErrorStr(e *Error) string {
	switch len(e.Args) {
	case 2:
		return fmt.Sprintf("[Errno %s] %s", Str(e.Args[0]), Str(e.Args[1]))
	case 3:
		return fmt.Sprintf("[Errno %s] %s: %s", Str(e.Args[0]), Str(e.Args[1]), Repr(e.Args[2]))
	}
	return argsStr(e.Args)
}
