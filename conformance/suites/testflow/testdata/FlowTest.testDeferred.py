# twisted/flow/test/test_flow.py FlowTest.testDeferred (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testDeferred(self):
        lhs = ['Title', (1,'one'),(2,'two'),(3,'three')]
        d = flow.Deferred(consumer())
        d.addCallback(self.assertEquals, lhs)
        return d

run(FlowTest, 'testDeferred')
