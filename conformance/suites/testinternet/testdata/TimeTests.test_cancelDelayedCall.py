# src/twisted/test/test_internet.py TimeTests.test_cancelDelayedCall (Twisted 22.4)

class TimeTests(TestCase):
    """
    Tests for the IReactorTime part of the reactor.
    """

    def test_cancelDelayedCall(self):
        """
        Test that when a DelayedCall is cancelled it does not run.
        """
        called = []

        def function():
            called.append(None)

        call = reactor.callLater(0, function)
        call.cancel()

        # Schedule a call in two "iterations" to check to make sure that the
        # above call never ran.
        d = Deferred()

        def check():
            try:
                self.assertEqual(called, [])
            except BaseException:
                d.errback()
            else:
                d.callback(None)

        reactor.callLater(0, reactor.callLater, 0, check)
        return d


run(TimeTests, 'test_cancelDelayedCall')
