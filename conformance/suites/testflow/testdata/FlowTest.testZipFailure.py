# twisted/flow/test/test_flow.py FlowTest.testZipFailure (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testZipFailure(self):
        lhs = [(1,'a'),(2,'b'),(3,'c')]
        mrg = flow.Zip([1,2,flow.Cooperate(),3],badgen())
        d = flow.Deferred(mrg)
        return self.assertFailure(d, ZeroDivisionError)

run(FlowTest, 'testZipFailure')
