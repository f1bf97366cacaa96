# src/twisted/test/test_defgen.py InlineCallbacksTests.testNothing (Twisted 22.4), verbatim: the class
# with the generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):
    def _genNothing(self):
        if False:
            yield 1

    _genNothing = inlineCallbacks(_genNothing)


run(InlineCallbacksTests, "testNothing")
