# src/twisted/test/test_defgen.py InlineCallbacksTests.testHandledTerminalFailure (Twisted 22.4), verbatim: the class
# with the generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):
    def _genHandledTerminalFailure(self):
        try:
            yield defer.fail(TerminalException("Handled Terminal Failure"))
        except TerminalException:
            pass

    _genHandledTerminalFailure = inlineCallbacks(_genHandledTerminalFailure)


run(InlineCallbacksTests, "testHandledTerminalFailure")
