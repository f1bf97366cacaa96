# twisted/flow/test/test_flow.py FlowTest.testNotReady (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testNotReady(self):
        x = flow.wrap([1,2,3])
        self.assertRaises(flow.NotReadyError,x.next)

run(FlowTest, 'testNotReady')
