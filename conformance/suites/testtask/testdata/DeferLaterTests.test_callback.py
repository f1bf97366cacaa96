# src/twisted/test/test_task.py DeferLaterTests.test_callback (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class DeferLaterTests(unittest.TestCase):
    """
    Tests for L{task.deferLater}.
    """

    def test_callback(self):
        """
        The L{Deferred} returned by L{task.deferLater} is called back after
        the specified delay with the result of the function passed in.
        """
        results = []
        flag = object()

        def callable(foo, bar):
            results.append((foo, bar))
            return flag

        clock = task.Clock()
        d = task.deferLater(clock, 3, callable, "foo", bar="bar")
        d.addCallback(self.assertIs, flag)
        clock.advance(2)
        self.assertEqual(results, [])
        clock.advance(1)
        self.assertEqual(results, [("foo", "bar")])
        return d


run(DeferLaterTests, "test_callback")
