# src/twisted/test/test_threads.py DeferredResultTests.test_callMultiple (Twisted 22.4)

@skipIf(
    not interfaces.IReactorThreads(reactor, None),
    "No thread support, nothing to test here.",
)
class DeferredResultTests(TestCase):
    """
    Test twisted.internet.threads.
    """

    def setUp(self):
        reactor.suggestThreadPoolSize(8)

    def tearDown(self):
        reactor.suggestThreadPoolSize(0)

    def test_callMultiple(self):
        """
        L{threads.callMultipleInThread} calls multiple functions in a thread.
        """
        L = []
        N = 10
        d = defer.Deferred()

        def finished():
            self.assertEqual(L, list(range(N)))
            d.callback(None)

        threads.callMultipleInThread(
            [(L.append, (i,), {}) for i in range(N)]
            + [(reactor.callFromThread, (finished,), {})]
        )
        return d


run(DeferredResultTests, 'test_callMultiple')
