# Prelude of the test_failure.py scenarios (Twisted 22.4, CPython 3): the
# shared stand-in for trial's TestCase (conformance/preludes/pyunit3.py; Go
# side: conformance/pyunit), then the module level of
# src/twisted/test/test_failure.py that the transcribed tests use: its
# imports (less cython_test_exception_raiser, which only the Cython tests
# use), and getDivisionFailure and BrokenStr, imported from test_failure.py
# itself.
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
# imported from the Twisted the script runs against. Debian's
# python3-twisted ships test_failure.py as twisted.test.ignore_test_failure,
# without cython_test_exception_raiser, the Cython extension it imports for
# its Cython tests (not ported): an empty module stands in for it.
try:
    import cython_test_exception_raiser
except ImportError:
    import types

    _stub = types.ModuleType("cython_test_exception_raiser")
    _stub.raiser = None
    sys.modules[_stub.__name__] = _stub
try:
    from twisted.test.test_failure import BrokenStr, getDivisionFailure
except ImportError:
    from twisted.test.ignore_test_failure import BrokenStr, getDivisionFailure


# --- end of the module level; the scenario follows ---
