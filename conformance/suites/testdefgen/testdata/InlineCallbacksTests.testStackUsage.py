# twisted/test/test_defgen.py InlineCallbacksTests.testStackUsage (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):

    def _genStackUsage(self):
        for x in range(5000):
            # Test with yielding a deferred
            x = yield defer.succeed(1)
        returnValue(0)
    _genStackUsage = inlineCallbacks(_genStackUsage)

run(InlineCallbacksTests, 'testStackUsage')
