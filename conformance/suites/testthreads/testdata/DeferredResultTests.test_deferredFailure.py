# src/twisted/test/test_threads.py DeferredResultTests.test_deferredFailure (Twisted 22.4)

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

    def test_deferredFailure(self):
        """
        Check that L{threads.deferToThread} return a failure object
        with an appropriate exception instance when the called
        function raises an exception.
        """

        class NewError(Exception):
            pass

        def raiseError():
            raise NewError()

        d = threads.deferToThread(raiseError)
        return self.assertFailure(d, NewError)


run(DeferredResultTests, 'test_deferredFailure')
