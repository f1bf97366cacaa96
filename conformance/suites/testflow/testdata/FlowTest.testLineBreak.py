# twisted/flow/test/test_flow.py FlowTest.testLineBreak (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testLineBreak(self):
        lhs = [ "Hello World", "Happy Days Are Here" ]
        rhs = ["Hello ","World\nHappy", flow.Cooperate(),
               " Days"," Are Here\n"]
        mrg = flow.LineBreak(slowlist(rhs), delimiter='\n')
        rhs = list(flow.Block(mrg))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testLineBreak')
