# Prelude of the test_defgen.py scenarios (Twisted 22.4, CPython 3): the
# shared stand-in for trial's TestCase (conformance/preludes/pyunit3.py; Go
# side: conformance/pyunit), then src/twisted/test/test_defgen.py's
# getThing, getOwie, TerminalException, BaseDefgenTests and
# deprecatedDeferredGenerator, imported from test_defgen.py.
#
# A scenario script defines the test class (DeferredGeneratorTests or
# InlineCallbacksTests) with the generators the test uses, kept verbatim,
# then calls run(TheClass, "testName").
# conformance:include pyunit3.py
import warnings

from twisted.internet import defer, reactor
from twisted.internet.defer import (
    Deferred,
    deferredGenerator,
    inlineCallbacks,
    returnValue,
    waitForDeferred,
)

# DeferredGeneratorTests.suppress, which trial applies to each of its tests.
warnings.filterwarnings(
    "ignore", message="twisted.internet.defer.waitForDeferred was deprecated"
)

# trial's alias of assertEqual.
TestCase.assertEquals = TestCase.assertEqual


# test_defgen.py itself, imported from the Twisted the script runs against:
# getThing, getOwie, TerminalException, BaseDefgenTests and
# deprecatedDeferredGenerator.
importTests("twisted.test.test_defgen", globals())
