# twisted/flow/test/test_flow.py FlowTest.testCallbackFailure (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testCallbackFailure(self):
        cb = flow.Callback()
        d = flow.Deferred(buildlist(cb))
        for x in range(3):
            cb.result(x)
        cb.errback(flow.Failure(IOError()))
        return self.assertFailure(d, IOError)

run(FlowTest, 'testCallbackFailure')
