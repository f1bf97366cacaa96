# src/twisted/test/test_defgen.py DeferredGeneratorTests.testStackUsage2 (Twisted 22.4), verbatim: the class
# with the generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):
    def _genStackUsage2(self):
        for x in range(5000):
            # Test with yielding a random value
            yield 1
        yield 0

    _genStackUsage2 = deprecatedDeferredGenerator(_genStackUsage2)

    # Tests unique to deferredGenerator


run(DeferredGeneratorTests, "testStackUsage2")
