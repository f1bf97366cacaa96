# twisted/flow/test/test_flow.py FlowTest.testFilter (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testFilter(self):
        def odd(val):
            if val % 2:
                return True
        lhs = [ 1, 3 ]
        mrg = flow.Filter(odd,slowlist([1,2,flow.Cooperate(),3]))
        rhs = list(flow.Block(mrg))
        self.assertEqual(lhs,rhs)

run(FlowTest, 'testFilter')
