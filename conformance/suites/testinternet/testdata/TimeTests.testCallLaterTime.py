# src/twisted/test/test_internet.py TimeTests.testCallLaterTime (Twisted 22.4)

class TimeTests(TestCase):
    """
    Tests for the IReactorTime part of the reactor.
    """

    def testCallLaterTime(self):
        d = reactor.callLater(10, lambda: None)
        try:
            self.assertTrue(d.getTime() - (time.time() + 10) < 1)
        finally:
            d.cancel()


run(TimeTests, 'testCallLaterTime')
