# src/twisted/test/test_threads.py ReactorThreadsTests.test_callInThread (Twisted 22.4)

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

    def test_callInThread(self):
        """
        Test callInThread functionality: set a C{threading.Event}, and check
        that it's not in the main thread.
        """

        def cb(ign):
            waiter = threading.Event()
            result = []

            def threadedFunc():
                result.append(threadable.isInIOThread())
                waiter.set()

            reactor.callInThread(threadedFunc)
            waiter.wait(120)
            if not waiter.isSet():
                self.fail("Timed out waiting for event.")
            else:
                self.assertEqual(result, [False])

        return self._waitForThread().addCallback(cb)


run(ReactorThreadsTests, 'test_callInThread')
