# src/twisted/test/test_defgen.py DeferredGeneratorTests.testDeferredYielding (Twisted 22.4), verbatim: the class
# with the test.
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):
    def testDeferredYielding(self):
        """
        Ensure that yielding a Deferred directly is trapped as an
        error.
        """
        # See the comment _deferGenerator about d.callback(Deferred).
        def _genDeferred():
            yield getThing()

        _genDeferred = deprecatedDeferredGenerator(_genDeferred)

        return self.assertFailure(_genDeferred(), TypeError)


run(DeferredGeneratorTests, "testDeferredYielding")
