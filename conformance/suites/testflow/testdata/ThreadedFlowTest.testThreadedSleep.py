# twisted/flow/test/test_flow.py ThreadedFlowTest.testThreadedSleep (b2b5697a0f^), body verbatim.
class ThreadedFlowTest(TestCase):
    def testThreadedSleep(self):
        expect = [5,4,3,2,1]
        d = flow.Deferred(Threaded(CountIterator(5)))
        sleep(.5)
        d.addCallback(self.assertEquals, expect)
        return d

run(ThreadedFlowTest, 'testThreadedSleep')
