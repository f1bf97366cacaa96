// Package twisted holds what every part of the port stands on: Failure
// (twisted.python.failure), Python's exception classes with their hierarchy,
// and Python-style values (None, Tuple, Repr, Truthy) so that a Go trace
// can be diffed line for line against the Python's `print repr(...)`.
//
// Python raises exceptions; Go returns errors. An exception here is an
// ordinary Go error (*Error) whose Class places it in Python's class
// tree, so that code ported from Twisted can trap a ZeroDivisionError by
// trapping ArithmeticError, and Go code can do the same with errors.Is:
//
//	err := twisted.ZeroDivisionError.New("integer division or modulo by zero")
//	errors.Is(err, twisted.ArithmeticError) // true
//
// A Failure wraps such an error (or any Go error, or a recovered panic value)
// together with the stack where it arose, as Twisted's Failure does.
//
// Repr and Str print values as Python 2 does, the Python of the flow era
// whose traces the flow scenarios were recorded under; a Failure prints as
// Twisted 22.4 prints it, and as the 2009 Twisted did through
// [Failure.In2009] (see [Failure]).
package twisted
