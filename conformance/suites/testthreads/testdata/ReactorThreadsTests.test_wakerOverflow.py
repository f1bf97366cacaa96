# src/twisted/test/test_threads.py ReactorThreadsTests.test_wakerOverflow (Twisted 22.4)

@skipIf(
    not interfaces.IReactorThreads(reactor, None),
    "No thread support, nothing to test here.",
)
class ReactorThreadsTests(TestCase):
    """
    Tests for the reactor threading API.
    """

    def _waitForThread(self):
        """
        The reactor's threadpool is only available when the reactor is running,
        so to have a sane behavior during the tests we make a dummy
        L{threads.deferToThread} call.
        """
        return threads.deferToThread(time.sleep, 0)

    def test_wakerOverflow(self):
        """
        Try to make an overflow on the reactor waker using callFromThread.
        """

        def cb(ign):
            self.failure = None
            waiter = threading.Event()

            def threadedFunction():
                # Hopefully a hundred thousand queued calls is enough to
                # trigger the error condition
                for i in range(100000):
                    try:
                        reactor.callFromThread(lambda: None)
                    except BaseException:
                        self.failure = failure.Failure()
                        break
                waiter.set()

            reactor.callInThread(threadedFunction)
            waiter.wait(120)
            if not waiter.isSet():
                self.fail("Timed out waiting for event")
            if self.failure is not None:
                return defer.fail(self.failure)

        return self._waitForThread().addCallback(cb)


run(ReactorThreadsTests, 'test_wakerOverflow')
