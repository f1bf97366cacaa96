# Prelude of the test_failure.py scenarios (Twisted 22.4, CPython 3): the
# shared stand-in for trial's TestCase (conformance/preludes/pyunit3.py; Go
# side: conformance/pyunit), then the module level of
# src/twisted/test/test_failure.py that the transcribed tests use: its
# imports (less cython_test_exception_raiser, which only the Cython tests
# use) and getDivisionFailure, verbatim.
#
# Two stand-ins of ours: the traceback tests check that the traceback
# contains a line (assertIn(line, tb)), or is a str (assertIsInstance(tb,
# str)); the traceback holds file paths and line numbers, which differ
# between Python and Go by construction, so SynchronousTestCase's assertIn
# shows the line it looks for and not the whole traceback, and its
# assertIsInstance shows the class and not the value.
# conformance:include pyunit3.py

import linecache
import re
import sys
import traceback
from io import StringIO

from twisted.python import failure, reflect


class SynchronousTestCase(TestCase):
    def assertIn(self, x, container, msg=None):
        self._check(x in container, "assertIn", x, "<not shown>")

    def assertIsInstance(self, x, cls, msg=None):
        self._check(isinstance(x, cls), "assertIsInstance", "<not shown>", cls)


# --- module level of src/twisted/test/test_failure.py (Twisted 22.4) ---


def getDivisionFailure(*args, **kwargs):
    """
    Make a C{Failure} of a divide-by-zero error.

    @param args: Any C{*args} are passed to Failure's constructor.
    @param kwargs: Any C{**kwargs} are passed to Failure's constructor.
    """
    try:
        1 / 0
    except BaseException:
        f = failure.Failure(*args, **kwargs)
    return f


# --- end of the module level; the scenario follows ---
