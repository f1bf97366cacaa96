# Prelude of the scenarios of this suite: the shared stand-in for trial's
# TestCase (conformance/preludes/pyunit3.py; Go side: conformance/pyunit).
# conformance:include pyunit3.py

# The module-level fakes of src/twisted/test/test_cooperator.py and the
# fixture of its RunStateTests class (everything but the test methods),
# which every RunStateTests scenario shares: each script subclasses it
# with its one test method.
class FakeDelayedCall:
    """
    Fake delayed call which lets us simulate the scheduler.
    """

    def __init__(self, func):
        """
        A function to run, later.
        """
        self.func = func
        self.cancelled = False

    def cancel(self):
        """
        Don't run my function later.
        """
        self.cancelled = True


class FakeScheduler:
    """
    A fake scheduler for testing against.
    """

    def __init__(self):
        """
        Create a fake scheduler with a list of work to do.
        """
        self.work = []

    def __call__(self, thunk):
        """
        Schedule a unit of work to be done later.
        """
        unit = FakeDelayedCall(thunk)
        self.work.append(unit)
        return unit

    def pump(self):
        """
        Do all of the work that is currently available to be done.
        """
        work, self.work = self.work, []
        for unit in work:
            if not unit.cancelled:
                unit.func()


class UnhandledException(Exception):
    """
    An exception that should go unhandled.
    """


class RunStateTests(unittest.TestCase):
    """
    Tests to verify the behavior of L{CooperativeTask.pause},
    L{CooperativeTask.resume}, L{CooperativeTask.stop}, exhausting the
    underlying iterator, and their interactions with each other.
    """

    def setUp(self):
        """
        Create a cooperator with a fake scheduler and a termination predicate
        that ensures only one unit of work will take place per tick.
        """
        self._doDeferNext = False
        self._doStopNext = False
        self._doDieNext = False
        self.work = []
        self.scheduler = FakeScheduler()
        self.cooperator = task.Cooperator(
            scheduler=self.scheduler,
            # Always stop after one iteration of work (return a function which
            # returns a function which always returns True)
            terminationPredicateFactory=lambda: lambda: True,
        )
        self.task = self.cooperator.cooperate(self.worker())
        self.cooperator.start()

    def worker(self):
        """
        This is a sample generator which yields Deferreds when we are testing
        deferral and an ascending integer count otherwise.
        """
        i = 0
        while True:
            i += 1
            if self._doDeferNext:
                self._doDeferNext = False
                d = defer.Deferred()
                self.work.append(d)
                yield d
            elif self._doStopNext:
                return
            elif self._doDieNext:
                raise UnhandledException()
            else:
                self.work.append(i)
                yield i

    def tearDown(self):
        """
        Drop references to interesting parts of the fixture to allow Deferred
        errors to be noticed when things start failing.
        """
        del self.task
        del self.scheduler

    def deferNext(self):
        """
        Defer the next result from my worker iterator.
        """
        self._doDeferNext = True

    def stopNext(self):
        """
        Make the next result from my worker iterator be completion (raising
        StopIteration).
        """
        self._doStopNext = True

    def dieNext(self):
        """
        Make the next result from my worker iterator be raising an
        L{UnhandledException}.
        """

        def ignoreUnhandled(failure):
            failure.trap(UnhandledException)
            return None

        self._doDieNext = True
