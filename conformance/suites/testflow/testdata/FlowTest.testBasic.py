# twisted/flow/test/test_flow.py FlowTest.testBasic (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testBasic(self):
        lhs = ['string']
        rhs = list(flow.Block('string'))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testBasic')
