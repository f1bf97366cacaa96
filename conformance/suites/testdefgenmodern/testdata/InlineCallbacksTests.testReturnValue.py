# src/twisted/test/test_defgen.py InlineCallbacksTests.testReturnValue (Twisted 22.4), verbatim: the class
# with the test.
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):
    def testReturnValue(self):
        """Ensure that returnValue works."""

        def _return():
            yield 5
            returnValue(6)

        _return = inlineCallbacks(_return)

        return _return().addCallback(self.assertEqual, 6)


run(InlineCallbacksTests, "testReturnValue")
