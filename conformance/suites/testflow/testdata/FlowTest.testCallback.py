# twisted/flow/test/test_flow.py FlowTest.testCallback (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testCallback(self):
        cb = flow.Callback()
        d = flow.Deferred(buildlist(cb))
        for x in range(9):
            cb.result(x)
        cb.finish()
        d.addCallback(self.assertEqual, [range(9)])
        return d

run(FlowTest, 'testCallback')
