# twisted/test/test_defgen.py DeferredGeneratorTests.testBuggy (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):

    def _genBuggy(self):
        yield waitForDeferred(getThing())
        1/0
    _genBuggy = deferredGenerator(_genBuggy)

run(DeferredGeneratorTests, 'testBuggy')
