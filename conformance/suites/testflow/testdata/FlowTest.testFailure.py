# twisted/flow/test/test_flow.py FlowTest.testFailure (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testFailure(self):
        self.assertRaises(ZeroDivisionError, list, flow.Block(badgen()))
        self.assertEqual(['x',ZeroDivisionError],
                         list(flow.Block(badgen(),ZeroDivisionError)))
        self.assertEqual(['x',ZeroDivisionError],
                         list(flow.Block(flow.wrap(badgen()),
                                                   ZeroDivisionError)))

run(FlowTest, 'testFailure')
