# twisted/flow/test/test_flow.py FlowTest.testDeferredWrapperImmediate (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testDeferredWrapperImmediate(self):
        from twisted.internet import defer
        a = defer.Deferred()
        a.callback("test")
        self.assertEquals(["test"], list(flow.Block(a)))

run(FlowTest, 'testDeferredWrapperImmediate')
