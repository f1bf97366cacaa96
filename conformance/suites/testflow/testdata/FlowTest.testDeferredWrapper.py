# twisted/flow/test/test_flow.py FlowTest.testDeferredWrapper (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testDeferredWrapper(self):
        a = defer.Deferred()
        reactor.callLater(0, lambda: a.callback("test"))
        b = flow.Merge(a, slowlist([1,2,flow.Cooperate(),3]))
        d = flow.Deferred(b)
        d.addCallback(self.assertEqual, [1, 2, 'test', 3])
        return d

run(FlowTest, 'testDeferredWrapper')
