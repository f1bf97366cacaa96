# twisted/flow/test/test_flow.py FlowTest.testDeferredWrapperFail (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testDeferredWrapperFail(self):
        d = defer.Deferred()
        f = lambda: d.errback(flow.Failure(IOError()))
        reactor.callLater(0, f)
        return self.assertFailure(d, IOError)

run(FlowTest, 'testDeferredWrapperFail')
