# src/twisted/test/test_cooperator.py RunStateTests.test_stopStops (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.
# The fakes and the fixture of RunStateTests (setUp, the worker and its
# helpers) come from test_cooperator.py, which this suite's prelude
# imports; the test method is added to it here.

class RunStateTests(RunStateTests):
    def test_stopStops(self):
        """
        C{stop()}ping a task should cause it to be removed from the run just as
        C{pause()}ing, with the distinction that C{resume()} will raise a
        L{TaskStopped} exception.
        """
        self.task.stop()
        self.scheduler.pump()
        self.assertEqual(len(self.work), 0)
        self.assertRaises(task.TaskStopped, self.task.stop)
        self.assertRaises(task.TaskStopped, self.task.pause)
        # Sanity check - it's still not scheduled, is it?
        self.scheduler.pump()
        self.assertEqual(self.work, [])


run(RunStateTests, "test_stopStops")
