# src/twisted/test/test_threads.py DeferToThreadPoolTests.test_deferredFailure (Twisted 22.4)

class DeferToThreadPoolTests(TestCase):
    """
    Test L{twisted.internet.threads.deferToThreadPool}.
    """

    def setUp(self):
        self.tp = threadpool.ThreadPool(0, 8)
        self.tp.start()

    def tearDown(self):
        self.tp.stop()

    def test_deferredFailure(self):
        """
        Check that L{threads.deferToThreadPool} return a failure object with an
        appropriate exception instance when the called function raises an
        exception.
        """

        class NewError(Exception):
            pass

        def raiseError():
            raise NewError()

        d = threads.deferToThreadPool(reactor, self.tp, raiseError)
        return self.assertFailure(d, NewError)


run(DeferToThreadPoolTests, 'test_deferredFailure')
