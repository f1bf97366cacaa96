# src/twisted/test/test_internet.py TimeTests.test_cancelCalledDelayedCallSynchronous (Twisted 22.4)

class TimeTests(TestCase):
    """
    Tests for the IReactorTime part of the reactor.
    """

    def test_cancelCalledDelayedCallSynchronous(self):
        """
        Test that cancelling a DelayedCall in the DelayedCall's function as
        that function is being invoked by the DelayedCall raises the
        appropriate exception.
        """
        d = Deferred()

        def later():
            try:
                self.assertRaises(error.AlreadyCalled, call.cancel)
            except BaseException:
                d.errback()
            else:
                d.callback(None)

        call = reactor.callLater(0, later)
        return d


run(TimeTests, 'test_cancelCalledDelayedCallSynchronous')
