# twisted/flow/test/test_flow.py FlowTest.testConsumer (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testConsumer(self):
        lhs = ['Title',(1,'one'),(2,'two'),(3,'three')]
        rhs = list(flow.Block(consumer))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testConsumer')
