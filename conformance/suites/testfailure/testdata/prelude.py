# Prelude of the test_failure.py scenarios (Twisted 22.4, CPython 3): the
# shared stand-in for trial's TestCase (conformance/preludes/pyunit3.py; Go
# side: conformance/pyunit), then src/twisted/test/test_failure.py itself,
# imported from the Twisted the script runs against (Debian's
# python3-twisted ships it as twisted.test.ignore_test_failure) with the
# stand-in's unittest as its twisted.trial.unittest. Each scenario script
# runs one of its tests: run(Class, "test_name").
#
# One stand-in of ours: the traceback tests check that the traceback
# contains a line (assertIn(line, tb)), or is a str (assertIsInstance(tb,
# str)); the traceback holds file paths and line numbers, which differ
# between Python and Go by construction, so the SynchronousTestCase the
# module's classes derive from shows, for assertIn, the line it looks for
# and not the whole traceback, and for assertIsInstance, the class and not
# the value.
# conformance:include pyunit3.py


class SynchronousTestCase(TestCase):
    def assertIn(self, x, container, msg=None):
        self._check(x in container, "assertIn", x, "<not shown>")

    def assertIsInstance(self, x, cls, msg=None):
        self._check(isinstance(x, cls), "assertIsInstance", "<not shown>", cls)


class unittest(unittest):
    SynchronousTestCase = SynchronousTestCase


# test_failure.py imports cython_test_exception_raiser, a Cython extension
# for its Cython tests (not ported), which Debian does not ship: an empty
# module stands in for it.
try:
    import cython_test_exception_raiser
except ImportError:
    import types

    _stub = types.ModuleType("cython_test_exception_raiser")
    _stub.raiser = None
    sys.modules[_stub.__name__] = _stub
try:
    importTests("twisted.test.test_failure", globals())
except ImportError:
    importTests("twisted.test.ignore_test_failure", globals())
