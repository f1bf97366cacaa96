# twisted/flow/test/test_flow.py FlowTest.testBasicList (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testBasicList(self):
        lhs = [1,2,3]
        rhs = list(flow.Block([1,2,flow.Cooperate(),3]))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testBasicList')
