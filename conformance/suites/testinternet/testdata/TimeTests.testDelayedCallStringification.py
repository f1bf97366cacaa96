# src/twisted/test/test_internet.py TimeTests.testDelayedCallStringification (Twisted 22.4)

class TimeTests(TestCase):
    """
    Tests for the IReactorTime part of the reactor.
    """

    def testDelayedCallStringification(self):
        # Mostly just make sure str() isn't going to raise anything for
        # DelayedCalls within reason.
        dc = reactor.callLater(0, lambda x, y: None, "x", y=10)
        str(dc)
        dc.reset(5)
        str(dc)
        dc.cancel()
        str(dc)

        dc = reactor.callLater(
            0, lambda: None, x=[({"hello": "world"}, 10j), reactor], *range(10)
        )
        str(dc)
        dc.cancel()
        str(dc)

        def calledBack(ignored):
            str(dc)

        d = Deferred().addCallback(calledBack)
        dc = reactor.callLater(0, d.callback, None)
        str(dc)
        return d


run(TimeTests, 'testDelayedCallStringification')
