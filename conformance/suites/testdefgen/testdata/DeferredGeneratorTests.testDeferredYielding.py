# twisted/test/test_defgen.py DeferredGeneratorTests.testDeferredYielding (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):

    def testDeferredYielding(self):
        """
        Ensure that yielding a Deferred directly is trapped as an
        error.
        """
        # See the comment _deferGenerator about d.callback(Deferred).
        def _genDeferred():
            yield getThing()
        _genDeferred = deferredGenerator(_genDeferred)

        return self.assertFailure(_genDeferred(), TypeError)

run(DeferredGeneratorTests, 'testDeferredYielding')
