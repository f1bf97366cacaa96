# twisted/flow/test/test_flow.py FlowTest.testConcurrentCallback (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testConcurrentCallback(self):
        ca = flow.Callback()
        ca.name = 'a'
        cb = flow.Callback()
        cb.name = 'b'
        d = flow.Deferred(testconcur(ca,cb))
        ca.result(1)
        cb.result(2)
        ca.result(3)
        ca.result(4)
        ca.finish()
        cb.result(5)
        cb.finish()
        d.addCallback(self.assertEquals,
                      [('a',1),('b',2),('a',3),('a',4),('b',5)])
        return d

run(FlowTest, 'testConcurrentCallback')
