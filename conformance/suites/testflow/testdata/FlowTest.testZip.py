# twisted/flow/test/test_flow.py FlowTest.testZip (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testZip(self):
        lhs = [(1,'a'),(2,'b'),(3,None)]
        mrg = flow.Zip([1,2,flow.Cooperate(),3],['a','b'])
        rhs = list(flow.Block(mrg))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testZip')
