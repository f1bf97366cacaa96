# Prelude of the test_defgen.py scenarios (Python 2.7, Twisted b2b5697a0f^,
# 2009): the shared stand-in for trial's TestCase (conformance/preludes/
# pyunit3.py, which runs under Python 2 with print_function; Go side:
# conformance/pyunit), then twisted/test/test_defgen.py's getThing, getOwie,
# TerminalException and BaseDefgenTests, imported from test_defgen.py.
#
# A scenario script defines the test class (DeferredGeneratorTests or
# InlineCallbacksTests) with the generators the test uses, kept verbatim,
# then calls run(TheClass, 'testName').
from __future__ import print_function
# conformance:include pyunit3.py

from twisted.internet.defer import waitForDeferred, deferredGenerator, Deferred
from twisted.internet.defer import inlineCallbacks, returnValue

# trial's alias of assertEqual, which the 2009 tests use.
TestCase.assertEquals = TestCase.assertEqual


# test_defgen.py itself, imported from the Twisted tree the script runs
# against: getThing, getOwie, TerminalException and BaseDefgenTests.
importTests("twisted.test.test_defgen", globals())
