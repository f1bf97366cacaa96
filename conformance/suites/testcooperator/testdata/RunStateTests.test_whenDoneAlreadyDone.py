# src/twisted/test/test_cooperator.py RunStateTests.test_whenDoneAlreadyDone (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.
# The fakes and the fixture of RunStateTests (setUp, the worker and its
# helpers) come from test_cooperator.py, which this suite's prelude
# imports; the test method is added to it here.

class RunStateTests(RunStateTests):
    def test_whenDoneAlreadyDone(self):
        """
        L{CooperativeTask.whenDone} will return a L{defer.Deferred} that will
        succeed immediately if its iterator has already completed.
        """
        self.stopNext()
        self.scheduler.pump()
        results = []
        self.task.whenDone().addCallback(results.append)
        self.assertEqual(results, [self.task._iterator])


run(RunStateTests, "test_whenDoneAlreadyDone")
