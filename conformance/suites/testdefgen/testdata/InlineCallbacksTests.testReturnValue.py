# twisted/test/test_defgen.py InlineCallbacksTests.testReturnValue (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):

    def testReturnValue(self):
        """Ensure that returnValue works."""
        def _return():
            yield 5
            returnValue(6)
        _return = inlineCallbacks(_return)

        return _return().addCallback(self.assertEqual, 6)

run(InlineCallbacksTests, 'testReturnValue')
