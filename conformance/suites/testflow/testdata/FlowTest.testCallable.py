# twisted/flow/test/test_flow.py FlowTest.testCallable (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testCallable(self):
        lhs = ['one','two','three']
        rhs = list(flow.Block(slowlist(_onetwothree)))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testCallable')
