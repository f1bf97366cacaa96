# pyunit3: a stand-in for trial's TestCase (CPython 3, Debian
# python3-twisted), shared by the test_task.py, test_cooperator.py and
# test_internet.py scenarios through "# conformance:include pyunit3.py".
#
# Its assertions print what they check, so that a test's body runs verbatim
# and its trace records the values the assertions saw. Each line is the
# assertion's name, the values it checked as show() prints them, and
# "FAILED" when the assertion does not hold (the test then stops, as in
# trial). run(Class, "test_name") runs one test as trial would (setUp, the
# test, waiting on the reactor for the Deferred it returns, tearDown,
# cleanups) and prints its outcome: ok, FAIL or ERROR; then, as trial
# checks, any delayed calls the test left on the reactor.
#
# The Go side is conformance/pyunit: Show prints every value exactly as
# show() below, and TestCase has the same assertions.
import sys

# conformance:include testmodule.py

from twisted.internet import defer, error, interfaces, reactor, task
from twisted.python import failure, log


def show(x):
    """
    Print x the same way in Python 3 and in Go: repr for None, bools,
    numbers, strings and bytes; lists, tuples, sets and dicts of shown values;
    exceptions as Name(args); failures as <Failure Name(args)>; classes by
    name; Deferreds with their state; the global reactor as <reactor>; any
    other object as <TypeName>.
    """
    if x is None or isinstance(x, (bool, int, float, str, bytes)):
        return repr(x)
    if isinstance(x, list):
        return "[" + ", ".join(show(e) for e in x) + "]"
    if isinstance(x, tuple):
        if len(x) == 1:
            return "(" + show(x[0]) + ",)"
        return "(" + ", ".join(show(e) for e in x) + ")"
    if isinstance(x, (set, frozenset)):
        return "{" + ", ".join(sorted(show(e) for e in x)) + "}"
    if isinstance(x, dict):
        items = sorted((show(k), show(v)) for k, v in x.items())
        return "{" + ", ".join(k + ": " + v for k, v in items) + "}"
    if isinstance(x, failure.Failure):
        return "<Failure " + show(x.value) + ">"
    if isinstance(x, BaseException):
        return type(x).__name__ + "(" + ", ".join(show(a) for a in x.args) + ")"
    if isinstance(x, type):
        return x.__name__
    if x is reactor:
        return "<reactor>"
    if isinstance(x, defer.Deferred):
        if not x.called:
            return "<Deferred>"
        return "<Deferred current result: " + show(x.result) + ">"
    # A script's subclass of a library class shows as that class
    # (TestableLoopingCall as LoopingCall): Go has no subclasses. The
    # classes of a test module the script imports (importTests) are the
    # script's own.
    cls = type(x)
    if cls.__module__ in _scriptModules:
        for base in cls.__mro__[1:]:
            if base.__module__ not in _scriptModules and base is not object:
                cls = base
                break
    return "<" + cls.__name__ + ">"


class _Failed(AssertionError):
    """An assertion of the stand-in TestCase did not hold."""


class _LogCollector:
    """Keeps the errors logged during a test, as trial does."""

    def __init__(self):
        self.errors = []

    def __call__(self, event):
        if event.get("isError") and "failure" in event:
            self.errors.append(event["failure"])


_logged = _LogCollector()
log.addObserver(_logged)


class TestCase:
    """
    trial's TestCase (and SynchronousTestCase) as far as the scenarios use
    it: each assertion prints its name and what it checked.
    """

    failureException = _Failed

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def addCleanup(self, f, *args, **kwargs):
        self._cleanups.append((f, args, kwargs))

    def _check(self, ok, name, *values):
        line = " ".join([name] + [show(v) for v in values])
        if not ok:
            print(line, "FAILED")
            raise self.failureException(line)
        print(line)

    def fail(self, msg=None):
        print("fail", show(msg))
        raise self.failureException(msg)

    def assertEqual(self, first, second, msg=None):
        self._check(first == second, "assertEqual", first, second)

    def assertNotEqual(self, first, second, msg=None):
        self._check(first != second, "assertNotEqual", first, second)

    def assertTrue(self, x, msg=None):
        self._check(bool(x), "assertTrue", x)

    def assertFalse(self, x, msg=None):
        self._check(not x, "assertFalse", x)

    def assertIs(self, first, second, msg=None):
        self._check(first is second, "assertIs", first, second)

    def assertIsNone(self, x, msg=None):
        self._check(x is None, "assertIsNone", x)

    def assertIsInstance(self, x, cls, msg=None):
        self._check(isinstance(x, cls), "assertIsInstance", x, cls)

    def assertIn(self, x, container, msg=None):
        self._check(x in container, "assertIn", x, container)

    def assertNotIn(self, x, container, msg=None):
        self._check(x not in container, "assertNotIn", x, container)

    def assertRaises(self, exception, f, *args, **kwargs):
        try:
            result = f(*args, **kwargs)
        except exception as e:
            self._check(True, "assertRaises", exception, e)
            return e
        except BaseException as e:
            self._check(False, "assertRaises", exception, e)
        self._check(False, "assertRaises", exception, "returned", result)

    def assertFailure(self, d, *expected):
        def cb(result):
            self._check(False, "assertFailure", "returned", result)

        def eb(f):
            self._check(f.check(*expected) is not None, "assertFailure", f)
            return f.value

        return d.addCallbacks(cb, eb)

    def assertNoResult(self, d):
        results = []
        d.addBoth(results.append)
        self._check(not results, "assertNoResult", *results)
        if results and isinstance(results[0], failure.Failure):
            return results[0]

    def successResultOf(self, d):
        results = []
        d.addBoth(results.append)
        ok = len(results) == 1 and not isinstance(results[0], failure.Failure)
        self._check(ok, "successResultOf", *results)
        return results[0]

    def failureResultOf(self, d, *expected):
        results = []
        d.addBoth(results.append)
        ok = len(results) == 1 and isinstance(results[0], failure.Failure)
        if ok and expected:
            ok = results[0].check(*expected) is not None
        self._check(ok, "failureResultOf", *results)
        return results[0]

    def flushLoggedErrors(self, *errorTypes):
        kept, flushed = [], []
        for f in _logged.errors:
            if not errorTypes or f.check(*errorTypes):
                flushed.append(f)
            else:
                kept.append(f)
        _logged.errors[:] = kept
        return flushed


class unittest:
    """The names the tests use from twisted.trial.unittest."""

    TestCase = TestCase
    SynchronousTestCase = TestCase



def _outcome(result):
    if isinstance(result, failure.Failure):
        if result.check(_Failed):
            return "FAIL"
        return "ERROR " + show(result)
    return "ok"


def run(cls, name, timeout=10):
    """
    Run one test as trial does and print its outcome: setUp, the test
    method, and if it returns an unfired Deferred, the reactor until that
    fires (or timeout seconds pass); then tearDown and the cleanups.
    """
    test = cls(name)
    try:
        test.setUp()
        result = getattr(test, name)()
    except BaseException:
        outcome = _outcome(failure.Failure())
    else:
        if isinstance(result, defer.Deferred):
            done = []
            result.addBoth(done.append)
            if not done:
                def stop(ignored):
                    if reactor.running:
                        reactor.stop()

                result.addBoth(stop)
                timer = reactor.callLater(timeout, stop, None)
                reactor.run()
                if timer.active():
                    timer.cancel()
            outcome = _outcome(done[0]) if done else "TIMEOUT"
        else:
            outcome = "ok"
    try:
        test.tearDown()
        while test._cleanups:
            f, args, kwargs = test._cleanups.pop()
            f(*args, **kwargs)
    except BaseException:
        outcome = _outcome(failure.Failure())
    print(outcome)
    # trial fails a test that leaves calls scheduled on the reactor.
    pending = reactor.getDelayedCalls()
    if pending:
        print("dirty reactor:", len(pending), "delayed call(s)")
        for call in pending:
            call.cancel()
