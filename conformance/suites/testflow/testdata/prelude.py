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
# The helper classes of test_flow.py (slowlist, producer, consumer,
# badgen, buildlist, testconcur, CountIterator) follow, verbatim.

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


# --- helpers of test_flow.py, verbatim ---

class slowlist:
    """ this is a generator based list

        def slowlist(list):
            list = list[:]
            while list:
               yield list.pop(0)

        It is primarly used to simulate generators by using
        a list (for testing purposes) without being wrapped
        as a flow.List, which has all kinds of shortcuts we
        don't want for testing.
    """
    def __init__(self, list):
        self.list = list[:]
    def __iter__(self):
        return self
    def next(self):
        if self.list:
            return self.list.pop(0)
        raise StopIteration

_onetwothree = ['one','two',flow.Cooperate(),'three']

class producer:
    """ iterator version of the following generator...

        def producer():
            lst = flow.wrap(slowlist([1,2,3]))
            nam = flow.wrap(slowlist(_onetwothree))
            while True:
                yield lst
                yield nam
                yield (lst.next(),nam.next())

    """
    def __iter__(self):
        self.lst   = flow.wrap(slowlist([1,2,3]))
        self.nam   = flow.wrap(slowlist(_onetwothree))
        self.next = self.yield_lst
        return self
    def yield_lst(self):
        self.next = self.yield_nam
        return self.lst
    def yield_nam(self):
        self.next = self.yield_results
        return self.nam
    def yield_results(self):
        self.next = self.yield_lst
        return (self.lst.next(), self.nam.next())

class consumer:
    """ iterator version of the following generator...

        def consumer():
            title = flow.wrap(['Title'])
            prod = flow.wrap(producer())
            yield title
            yield title.next()
            yield prod
            for data in prod:
                yield data
                yield prod
    """
    def __iter__(self):
        self.title = flow.wrap(['Title'])
        self.lst   = flow.wrap(producer())
        self.next = self.yield_title
        return self
    def yield_title(self):
        self.next = self.yield_title_result
        return self.title
    def yield_title_result(self):
        self.next = self.yield_lst
        return self.title.next()
    def yield_lst(self):
        self.next = self.yield_result
        return self.lst
    def yield_result(self):
        self.next = self.yield_lst
        return self.lst.next()


class badgen:
    """ a bad generator...

    def badgen():
        yield 'x'
        err =  3/ 0
    """
    def __iter__(self):
        self.next = self.yield_x
        return self
    def yield_x(self):
        self.next = self.yield_done
        return 'x'
    def yield_done(self):
        err = 3 / 0
        raise StopIteration

class buildlist:
    """ building a list

        def buildlist(src):
            out = []
            yield src
            for itm in src:
                out.append(itm)
                yield src
            yield out
    """
    def __init__(self, src):
        self.src  = src
    def __iter__(self):
        self.out  = []
        self.next = self.yield_src
        return self
    def yield_src(self):
        self.next = self.yield_append
        return self.src
    def yield_append(self):
        try:
            self.out.append(self.src.next())
        except StopIteration:
            self.next = self.yield_finish
            return self.out
        return self.src
    def yield_finish(self):
        raise StopIteration

class testconcur:
    """ interweving two concurrent stages

        def testconcur(*stages):
            both = flow.Concurrent(*stages)
            yield both
            for stage in both:
                yield (stage.name, stage.result)
                yield both
    """
    def __init__(self, *stages):
        self.both = flow.Concurrent(*stages)
    def __iter__(self):
        self.next = self.yield_both
        return self
    def yield_both(self):
        self.next = self.yield_result
        return self.both
    def yield_result(self):
        self.next = self.yield_both
        stage = self.both.next()
        return (stage.name, stage.next())

class CountIterator:
    def __init__(self, count):
        self.count = count
    def __iter__(self):
        return self
    def next(self): # this is run in a separate thread
        sleep(.1)
        val = self.count
        if not(val):
            raise StopIteration
        self.count -= 1
        return val

# --- end of the helpers; the test follows ---
