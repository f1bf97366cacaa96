# twisted/test/test_defgen.py InlineCallbacksTests.testStackUsage2 (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):

    def _genStackUsage2(self):
        for x in range(5000):
            # Test with yielding a random value
            yield 1
        returnValue(0)
    _genStackUsage2 = inlineCallbacks(_genStackUsage2)

    # Tests unique to inlineCallbacks

run(InlineCallbacksTests, 'testStackUsage2')
