# src/twisted/test/test_threads.py DeferToThreadPoolTests.test_deferredResult (Twisted 22.4)

class DeferToThreadPoolTests(TestCase):
    """
    Test L{twisted.internet.threads.deferToThreadPool}.
    """

    def setUp(self):
        self.tp = threadpool.ThreadPool(0, 8)
        self.tp.start()

    def tearDown(self):
        self.tp.stop()

    def test_deferredResult(self):
        """
        L{threads.deferToThreadPool} executes the function passed, and
        correctly handles the positional and keyword arguments given.
        """
        d = threads.deferToThreadPool(reactor, self.tp, lambda x, y=5: x + y, 3, y=4)
        d.addCallback(self.assertEqual, 7)
        return d


run(DeferToThreadPoolTests, 'test_deferredResult')
