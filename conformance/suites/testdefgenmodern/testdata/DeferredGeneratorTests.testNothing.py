# src/twisted/test/test_defgen.py DeferredGeneratorTests.testNothing (Twisted 22.4), verbatim: the class
# with the generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):
    @deprecatedDeferredGenerator
    def _genNothing(self):
        if False:
            yield 1


run(DeferredGeneratorTests, "testNothing")
