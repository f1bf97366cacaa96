# twisted/flow/test/test_flow.py FlowTest.testProducer (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testProducer(self):
        lhs = [(1,'one'),(2,'two'),(3,'three')]
        rhs = list(flow.Block(producer()))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testProducer')
