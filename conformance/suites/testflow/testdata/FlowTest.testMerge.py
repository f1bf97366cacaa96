# twisted/flow/test/test_flow.py FlowTest.testMerge (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testMerge(self):
        lhs = ['one', 1, 'two', 2, 3, 'three']
        mrg = flow.Merge(slowlist(_onetwothree),slowlist([1,2,3]))
        rhs = list(flow.Block(mrg))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testMerge')
