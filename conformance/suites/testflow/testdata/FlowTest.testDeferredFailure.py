# twisted/flow/test/test_flow.py FlowTest.testDeferredFailure (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testDeferredFailure(self):
        d = flow.Deferred(badgen())
        return self.assertFailure(d, ZeroDivisionError)

run(FlowTest, 'testDeferredFailure')
