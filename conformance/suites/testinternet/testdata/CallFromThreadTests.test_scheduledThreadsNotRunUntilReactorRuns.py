# src/twisted/test/test_internet.py CallFromThreadTests.test_scheduledThreadsNotRunUntilReactorRuns (Twisted 22.4)

class CallFromThreadTests(TestCase):
    """
    Task scheduling from threads tests.
    """

    def setUp(self):
        self.counter = 0
        self.deferred = Deferred()

    def schedule(self, *args, **kwargs):
        """
        Override in subclasses.
        """
        reactor.callFromThread(*args, **kwargs)

    def test_scheduledThreadsNotRunUntilReactorRuns(self):
        """
        Scheduled tasks should not be run until the reactor starts running.
        """

        def incAndFinish():
            self.counter = 1
            self.deferred.callback(True)

        self.schedule(incAndFinish)

        # Callback shouldn't have fired yet.
        self.assertEqual(self.counter, 0)

        return self.deferred


run(CallFromThreadTests, 'test_scheduledThreadsNotRunUntilReactorRuns')
