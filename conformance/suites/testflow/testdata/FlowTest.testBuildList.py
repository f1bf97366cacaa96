# twisted/flow/test/test_flow.py FlowTest.testBuildList (b2b5697a0f^), body verbatim.
class FlowTest(TestCase):
    def testBuildList(self):
        src = flow.wrap([1,2,3])
        out = flow.Block(buildlist(src)).next()
        self.assertEquals(out,[1,2,3])

run(FlowTest, 'testBuildList')
