# twisted/test/test_defgen.py InlineCallbacksTests.testReturnNoValue (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):

    def testReturnNoValue(self):
        """Ensure a standard python return results in a None result."""
        def _noReturn():
            yield 5
            return
        _noReturn = inlineCallbacks(_noReturn)

        return _noReturn().addCallback(self.assertEqual, None)

run(InlineCallbacksTests, 'testReturnNoValue')
