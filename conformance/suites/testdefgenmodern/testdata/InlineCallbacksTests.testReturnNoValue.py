# src/twisted/test/test_defgen.py InlineCallbacksTests.testReturnNoValue (Twisted 22.4), verbatim: the class
# with the test.
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):
    def testReturnNoValue(self):
        """Ensure a standard python return results in a None result."""

        def _noReturn():
            yield 5
            return

        _noReturn = inlineCallbacks(_noReturn)

        return _noReturn().addCallback(self.assertEqual, None)


run(InlineCallbacksTests, "testReturnNoValue")
