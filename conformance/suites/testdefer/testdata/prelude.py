# Prelude of the test_defer.py scenarios (Modern runtime: CPython 3,
# Debian python3-twisted 22.4). Mirrored line for line by ../helpers.go.
#
# It holds src/twisted/test/test_defer.py's module-level imports and its
# helpers (GenericError, getDivisionFailure, fakeCallbackCanceller,
# ImmediateFailureMixin, _overrideFunc), imported from test_defer.py itself
# in the Twisted the script runs against; a stand-in for trial's
# SynchronousTestCase whose assertions print what they check; show(x), which
# renders a value the same way in Python 3 and Go; and run(testClass,
# methodName), which runs one test under trial's own machinery (setUp,
# test, cleanups, tearDown, logged errors, collected warnings) and fails
# the script if the test fails.
#
# A scenario script defines the test class (setUp and the helpers the test
# uses, kept verbatim), with the test method's body verbatim, then calls
# run(TheClass, "test_name").

import functools
import gc
import re
import sys
import traceback
import types
import warnings
from typing import (
    Any,
    Callable,
    Coroutine,
    Dict,
    Generator,
    List,
    Mapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)

from twisted.internet import defer
from twisted.internet.defer import (
    Deferred,
    DeferredList,
    DeferredLock,
    DeferredQueue,
    DeferredSemaphore,
    _DeferredListResultListT,
    _DeferredListSingleResultT,
    _DeferredResultT,
    ensureDeferred,
)
from twisted.internet.task import Clock
from twisted.python import log
from twisted.python.failure import Failure
from twisted.trial import unittest as _trial
from twisted.trial.reporter import TestResult as _TestResult

_HEX = re.compile(r"0x[0-9a-fA-F]+")


def show(x):
    """
    Render x the same way here and in Go (helpers.go show): None, bools,
    numbers and strings by repr (with addresses 0x... masked as 0x?),
    exception instances as Class(args...), classes by name, Failures as
    Failure(Class: message), lists, tuples and dicts (keys sorted by their
    rendering) element by element, Deferreds as <Deferred>, a bare object()
    as <object>, functions as <function name>. A Failure of a FirstError
    shows the FirstError: Failure(FirstError(Failure(...), index)).
    """
    if x is None or isinstance(x, (bool, int, float)):
        return repr(x)
    if isinstance(x, str):
        return _HEX.sub("0x?", repr(x))
    if isinstance(x, Failure):
        if isinstance(x.value, defer.FirstError):
            # str(FirstError) holds the sub-failure's traceback
            return "Failure(%s)" % (show(x.value),)
        msg = str(x.value)
        if msg:
            return "Failure(%s: %s)" % (x.type.__name__, msg)
        return "Failure(%s)" % (x.type.__name__,)
    if isinstance(x, BaseException):
        return "%s(%s)" % (type(x).__name__, ", ".join(show(a) for a in x.args))
    if isinstance(x, type):
        return x.__name__
    if isinstance(x, tuple):
        if len(x) == 1:
            return "(%s,)" % (show(x[0]),)
        return "(%s)" % (", ".join(show(e) for e in x),)
    if isinstance(x, list):
        return "[%s]" % (", ".join(show(e) for e in x),)
    if isinstance(x, dict):
        items = sorted((show(k), show(v)) for k, v in x.items())
        return "{%s}" % (", ".join("%s: %s" % kv for kv in items),)
    if isinstance(x, Deferred):
        return "<Deferred>"
    if type(x) is object:
        return "<object>"
    if isinstance(x, (types.FunctionType, types.MethodType)):
        return "<function %s>" % (x.__name__,)
    return "<%s>" % (type(x).__name__,)


def _check(line, ok, msg=None):
    print(line)
    if not ok:
        raise AssertionError("%s failed%s" % (line, ": %s" % (msg,) if msg else ""))


class _Printing:
    """
    Assertions of trial's test cases that print the values they check (one
    line each, through show) before checking them. A failed assertion
    raises as in trial, and run() then fails the script.
    """

    def assertEqual(self, first, second, msg=None):
        _check("assertEqual(%s, %s)" % (show(first), show(second)), first == second, msg)
        return first

    failUnlessEqual = failUnlessEquals = assertEquals = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        _check("assertNotEqual(%s, %s)" % (show(first), show(second)), first != second, msg)
        return first

    assertNotEquals = failIfEquals = failIfEqual = assertNotEqual

    def assertIs(self, first, second, msg=None):
        _check("assertIs(%s, %s)" % (show(first), show(second)), first is second, msg)
        return first

    failUnlessIdentical = assertIdentical = assertIs

    def assertIsNot(self, first, second, msg=None):
        _check("assertIsNot(%s, %s)" % (show(first), show(second)), first is not second, msg)
        return first

    failIfIdentical = assertNotIdentical = assertIsNot

    def assertIsNone(self, obj, msg=None):
        _check("assertIsNone(%s)" % (show(obj),), obj is None, msg)

    def assertIsNotNone(self, obj, msg=None):
        _check("assertIsNotNone(%s)" % (show(obj),), obj is not None, msg)

    def assertTrue(self, condition, msg=None):
        _check("assertTrue(%s)" % (show(condition),), bool(condition), msg)
        return condition

    assert_ = failUnlessTrue = failUnless = assertTrue

    def assertFalse(self, condition, msg=None):
        _check("assertFalse(%s)" % (show(condition),), not condition, msg)
        return condition

    assertNot = failUnlessFalse = failIf = assertFalse

    def assertIn(self, containee, container, msg=None):
        _check("assertIn(%s, %s)" % (show(containee), show(container)), containee in container, msg)
        return containee

    failUnlessIn = assertIn

    def assertNotIn(self, containee, container, msg=None):
        _check("assertNotIn(%s, %s)" % (show(containee), show(container)), containee not in container, msg)
        return containee

    failIfIn = assertNotIn

    def assertIsInstance(self, instance, classOrTuple, message=None):
        _check(
            "assertIsInstance(%s, %s)" % (show(instance), show(classOrTuple)),
            isinstance(instance, classOrTuple),
            message,
        )

    failUnlessIsInstance = assertIsInstance

    def assertRaises(self, exception, f=None, *args, **kwargs):
        if f is None:
            return _PrintingRaisesContext(self, exception)
        try:
            f(*args, **kwargs)
        except exception as e:
            print("assertRaises(%s) -> %s" % (show(exception), show(e)))
            return e
        except BaseException as e:
            _check("assertRaises(%s) -> %s" % (show(exception), show(e)), False)
        _check("assertRaises(%s) -> nothing raised" % (show(exception),), False)

    failUnlessRaises = assertRaises

    def successResultOf(self, deferred):
        result = super().successResultOf(deferred)
        print("successResultOf() -> %s" % (show(result),))
        return result

    def failureResultOf(self, deferred, *expectedExceptionTypes):
        result = super().failureResultOf(deferred, *expectedExceptionTypes)
        print(
            "failureResultOf(%s) -> %s"
            % (", ".join(show(t) for t in expectedExceptionTypes), show(result))
        )
        return result

    def assertNoResult(self, deferred):
        super().assertNoResult(deferred)
        print("assertNoResult()")

    def flushLoggedErrors(self, *errorTypes):
        flushed = super().flushLoggedErrors(*errorTypes)
        print(
            "flushLoggedErrors(%s) -> %s"
            % (", ".join(show(t) for t in errorTypes), show(flushed))
        )
        return flushed


class SynchronousTestCase(_Printing, _trial.SynchronousTestCase):
    """trial's SynchronousTestCase, printing its assertions."""


class TestCase(_Printing, _trial.TestCase):
    """trial's TestCase, printing its assertions."""


# The scenarios' class statements keep test_defer.py's
# "unittest.SynchronousTestCase" and "unittest.TestCase".
unittest = types.SimpleNamespace(SynchronousTestCase=SynchronousTestCase, TestCase=TestCase)


class _PrintingRaisesContext:
    """assertRaises(exception) as a context manager, printing as assertRaises."""

    def __init__(self, case, exception):
        self.case = case
        self.expected = exception
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, excType, excValue, tb):
        if excType is None:
            _check("assertRaises(%s) -> nothing raised" % (show(self.expected),), False)
        if not issubclass(excType, self.expected):
            return False
        self.exception = excValue
        print("assertRaises(%s) -> %s" % (show(self.expected), show(excValue)))
        return True


def run(testClass, methodName):
    """
    Run one test as trial does (setUp, the test, cleanups, tearDown; errors
    logged and not flushed are errors) and exit non-zero, with the
    tracebacks on stderr, unless it passed.
    """
    result = _TestResult()
    testClass(methodName).run(result)
    problems = result.errors + result.failures
    for _, err in problems:
        sys.stderr.write(err.getTraceback() if isinstance(err, Failure) else str(err))
    if problems or result.skips or result.expectedFailures or result.unexpectedSuccesses:
        sys.stderr.write("%s.%s did not pass\n" % (testClass.__name__, methodName))
        sys.exit(1)


# --- module level of src/twisted/test/test_defer.py (Twisted 22.4) ---
# imported from the Twisted the script runs against (Debian's
# python3-twisted ships twisted.test.test_defer).

from twisted.test.test_defer import (
    GenericError,
    ImmediateFailureMixin,
    _overrideFunc,
    fakeCallbackCanceller,
    getDivisionFailure,
)


# --- end of prelude; the scenario follows ---


# --- appended for the scenarios of AlreadyCalledTests, FirstErrorTests, ... ---
# Assertions that check as trial's do but print no values, for values that
# hold stacks or tracebacks (file paths, line numbers) or Python 3 reprs,
# which differ between Python and Go by construction. A scenario's class
# adopts one with a marked line: assertRaises = _assertRaisesUnshown.


def _assertRaisesUnshown(self, exception, f=None, *args, **kwargs):
    """assertRaises, printing the class of the exception raised and not its arguments."""
    try:
        f(*args, **kwargs)
    except exception as e:
        print("assertRaises(%s) -> %s(<not shown>)" % (show(exception), type(e).__name__))
        return e
    except BaseException as e:
        _check("assertRaises(%s) -> %s(<not shown>)" % (show(exception), type(e).__name__), False)
    _check("assertRaises(%s) -> nothing raised" % (show(exception),), False)


def _assertEqualUnshown(self, first, second, msg=None):
    """assertEqual, printing whether the values are equal and not the values."""
    _check("assertEqual(<not shown>, <not shown>)", first == second, msg)
    return first
