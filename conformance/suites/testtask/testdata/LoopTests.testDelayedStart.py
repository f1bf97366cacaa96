# src/twisted/test/test_task.py LoopTests.testDelayedStart (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class LoopTests(unittest.TestCase):
    """
    Tests for L{task.LoopingCall} based on a fake L{IReactorTime}
    implementation.
    """

    def testDelayedStart(self):
        timings = [0.05, 0.1, 0.1]

        clock = task.Clock()

        L = []
        lc = TestableLoopingCall(clock, L.append, None)
        d = lc.start(0.1, now=False)

        theResult = []

        def saveResult(result):
            theResult.append(result)

        d.addCallback(saveResult)

        clock.pump(timings)

        self.assertEqual(len(L), 2, "got %d iterations, not 2" % (len(L),))
        lc.stop()
        self.assertIs(theResult[0], lc)

        self.assertFalse(clock.calls)


run(LoopTests, "testDelayedStart")
