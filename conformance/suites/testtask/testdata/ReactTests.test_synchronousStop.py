# src/twisted/test/test_task.py ReactTests.test_synchronousStop (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class ReactTests(unittest.SynchronousTestCase):
    """
    Tests for L{twisted.internet.task.react}.
    """

    def test_synchronousStop(self):
        """
        L{task.react} handles when the reactor is stopped just before the
        returned L{Deferred} fires.
        """

        def main(reactor):
            d = defer.Deferred()

            def stop():
                reactor.stop()
                d.callback(None)

            reactor.callWhenRunning(stop)
            return d

        r = _FakeReactor()
        exitError = self.assertRaises(SystemExit, task.react, main, [], _reactor=r)
        self.assertEqual(0, exitError.code)


run(ReactTests, "test_synchronousStop")
