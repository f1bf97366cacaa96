# twisted/flow/test/test_flow.py FlowTest.testDeferredTrap (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testDeferredTrap(self):
        d = flow.Deferred(badgen(), ZeroDivisionError)
        d.addCallback(self.assertEqual, ['x', ZeroDivisionError])
        return d

run(FlowTest, 'testDeferredTrap')
