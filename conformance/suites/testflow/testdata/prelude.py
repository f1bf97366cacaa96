# Prelude of the test_flow.py conformance suite (Python 2.7, Twisted b2b5697a0f^).
#
# Each scenario script is one test of twisted/flow/test/test_flow.py: its
# class, with the test's body kept verbatim, then run(Class, 'testName').
# TestCase stands in for trial's: its assertions print the values they
# check (and fail as trial's do), and a test returning a Deferred is run
# under the reactor until that Deferred fires, as trial does. The test
# body itself runs inside the running reactor (callWhenRunning), so that
# the thread pool is started, as it is under trial after the first test.
#
# The helper classes of test_flow.py come from test_flow.py itself,
# imported at the end from the Twisted tree the script runs against.

from __future__ import nested_scopes
from __future__ import generators

from twisted.flow import flow
from twisted.flow.threads import Threaded, QueryIterator
from twisted.python import failure
from twisted.internet import defer, reactor, protocol, interfaces
from time import sleep


class FailTest(AssertionError):
    """trial's failureException"""


class TestCase(object):
    """Stands in for trial's unittest.TestCase (2009): each assertion prints
    what it checks, then behaves as trial's (returns the same value, raises
    FailTest on a mismatch)."""
    failureException = FailTest

    def __init__(self, methodName):
        self._testMethodName = methodName

    def assertEqual(self, first, second, msg=''):
        print "assertEqual", repr(first), repr(second)
        if not first == second:
            raise self.failureException('not equal')
        return first
    assertEquals = failUnlessEqual = assertEqual

    def assertRaises(self, exception, f, *args, **kwargs):
        try:
            result = f(*args, **kwargs)
        except exception, inst:
            print "assertRaises", exception.__name__, repr(inst)
            return inst
        except:
            print "assertRaises", exception.__name__, "got", sys.exc_info()[0].__name__
            raise self.failureException('wrong exception')
        else:
            print "assertRaises", exception.__name__, "not raised, returned", repr(result)
            raise self.failureException('not raised')
    failUnlessRaises = assertRaises

    def assertFailure(self, deferred, *expectedFailures):
        names = [e.__name__ for e in expectedFailures]

        def _cb(ignore):
            print "assertFailure", names, "no failure, got", repr(ignore)
            raise self.failureException('did not catch an error')

        def _eb(failure):
            if failure.check(*expectedFailures):
                print "assertFailure", names, repr(failure.value)
                return failure.value
            print "assertFailure", names, "got", failure.type.__name__, repr(failure.value)
            raise self.failureException('wrong failure')
        return deferred.addCallbacks(_cb, _eb)
    failUnlessFailure = assertFailure


import sys

# How long a Deferred returned by a test may take to fire before the
# script gives up and prints "never fired" (trial's default is 120s; no
# test here needs more than a second).
TIMEOUT = 10


def run(cls, name):
    """Runs cls(name).name() as trial does, printing the outcome: OK, FAIL
    (an assertion failed) or ERROR (an unexpected exception), or "never
    fired" when a returned Deferred does not fire within TIMEOUT."""
    def report(fail):
        if fail.check(FailTest):
            print "FAIL"
        else:
            print "ERROR", fail.type.__name__, repr(fail.value)

    def body():
        try:
            result = getattr(cls(name), name)()
        except:
            report(failure.Failure())
            reactor.stop()
            return
        if not isinstance(result, defer.Deferred):
            print "OK"
            reactor.stop()
            return

        def never():
            print "never fired"
            reactor.stop()
        timeout = reactor.callLater(TIMEOUT, never)

        def done(r):
            if isinstance(r, failure.Failure):
                report(r)
            else:
                print "OK"
            if timeout.active():
                timeout.cancel()
                reactor.stop()
        result.addBoth(done)
    reactor.callWhenRunning(body)
    reactor.run()


# trial's unittest as test_flow.py uses it: the stand-in above.
class unittest:
    TestCase = TestCase


# test_flow.py itself, imported from the Twisted tree the script runs
# against: its helper classes (slowlist, producer, consumer, badgen,
# buildlist, testconcur, echoServer, echoClient, CountIterator), which the
# tests use, and its test classes, which each scenario script redefines
# with its one test.
# conformance:include testmodule.py
importTests("twisted.flow.test.test_flow", globals())
