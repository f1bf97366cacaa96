# src/twisted/test/test_internet.py TimeTests.test_cancelCalledDelayedCallAsynchronous (Twisted 22.4)

class TimeTests(TestCase):
    """
    Tests for the IReactorTime part of the reactor.
    """

    def test_cancelCalledDelayedCallAsynchronous(self):
        """
        Test that cancelling a DelayedCall after it has run its function
        raises the appropriate exception.
        """
        d = Deferred()

        def check():
            try:
                self.assertRaises(error.AlreadyCalled, call.cancel)
            except BaseException:
                d.errback()
            else:
                d.callback(None)

        def later():
            reactor.callLater(0, check)

        call = reactor.callLater(0, later)
        return d


run(TimeTests, 'test_cancelCalledDelayedCallAsynchronous')
