# src/twisted/test/test_internet.py TimeTests.test_callLater (Twisted 22.4)

class TimeTests(TestCase):
    """
    Tests for the IReactorTime part of the reactor.
    """

    def test_callLater(self):
        """
        Test that a DelayedCall really calls the function it is
        supposed to call.
        """
        d = Deferred()
        reactor.callLater(0, d.callback, None)
        d.addCallback(self.assertEqual, None)
        return d


run(TimeTests, 'test_callLater')
