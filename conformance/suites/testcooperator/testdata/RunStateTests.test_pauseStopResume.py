# src/twisted/test/test_cooperator.py RunStateTests.test_pauseStopResume (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.
# The fakes and the fixture of RunStateTests (setUp, the worker and its
# helpers) come from test_cooperator.py, which this suite's prelude
# imports; the test method is added to it here.

class RunStateTests(RunStateTests):
    def test_pauseStopResume(self):
        """
        C{resume()}ing a paused, stopped task should be a no-op; it should not
        raise an exception, because it's paused, but neither should it actually
        do more work from the task.
        """
        self.task.pause()
        self.task.stop()
        self.task.resume()
        self.scheduler.pump()
        self.assertEqual(self.work, [])


run(RunStateTests, "test_pauseStopResume")
