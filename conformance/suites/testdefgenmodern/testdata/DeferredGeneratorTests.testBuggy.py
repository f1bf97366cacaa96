# src/twisted/test/test_defgen.py DeferredGeneratorTests.testBuggy (Twisted 22.4), verbatim: the class
# with the generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):
    @deprecatedDeferredGenerator
    def _genBuggy(self):
        yield waitForDeferred(getThing())
        1 // 0


run(DeferredGeneratorTests, "testBuggy")
