# twisted/test/test_defgen.py DeferredGeneratorTests.testNothing (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):

    def _genNothing(self):
        if 0: yield 1
    _genNothing = deferredGenerator(_genNothing)

run(DeferredGeneratorTests, 'testNothing')
