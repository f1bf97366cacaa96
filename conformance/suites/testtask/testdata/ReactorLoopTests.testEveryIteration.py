# src/twisted/test/test_task.py ReactorLoopTests.testEveryIteration (Twisted 22.4, Debian python3-twisted)
# The test's text as in Twisted; the prelude's TestCase prints what its assertions check.

class ReactorLoopTests(unittest.TestCase):
    def testEveryIteration(self):
        ran = []

        def foo():
            ran.append(None)
            if len(ran) > 5:
                lc.stop()

        lc = task.LoopingCall(foo)
        d = lc.start(0)

        def stopped(ign):
            self.assertEqual(len(ran), 6)

        return d.addCallback(stopped)


run(ReactorLoopTests, "testEveryIteration")
