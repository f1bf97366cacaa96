# src/twisted/test/test_defgen.py InlineCallbacksTests.testHandledTerminalAsyncFailure (Twisted 22.4), verbatim: the class
# with the generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):
    def _genHandledTerminalAsyncFailure(self, d):
        try:
            yield d
        except TerminalException:
            pass

    _genHandledTerminalAsyncFailure = inlineCallbacks(_genHandledTerminalAsyncFailure)


run(InlineCallbacksTests, "testHandledTerminalAsyncFailure")
