# src/twisted/test/test_task.py DeferLaterTests.test_noCallback (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class DeferLaterTests(unittest.TestCase):
    """
    Tests for L{task.deferLater}.
    """

    def test_noCallback(self):
        """
        The L{Deferred} returned by L{task.deferLater} fires with C{None}
        when no callback function is passed.
        """
        clock = task.Clock()
        d = task.deferLater(clock, 2.0)
        self.assertNoResult(d)

        clock.advance(2.0)
        self.assertIs(None, self.successResultOf(d))


run(DeferLaterTests, "test_noCallback")
