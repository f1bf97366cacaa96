# twisted/flow/test/test_flow.py ThreadedFlowTest.testThreadedError (b2b5697a0f^), body verbatim.
class ThreadedFlowTest(TestCase):
    def testThreadedError(self):
        # is this the expected behaviour?
        def iterator():
            yield 1
            raise ValueError
        d = flow.Deferred(Threaded(iterator()))
        return self.assertFailure(d, ValueError)

run(ThreadedFlowTest, 'testThreadedError')
