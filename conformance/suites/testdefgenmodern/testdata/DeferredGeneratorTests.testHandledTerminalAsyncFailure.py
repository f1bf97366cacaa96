# src/twisted/test/test_defgen.py DeferredGeneratorTests.testHandledTerminalAsyncFailure (Twisted 22.4), verbatim: the class
# with the generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):
    @deprecatedDeferredGenerator
    def _genHandledTerminalAsyncFailure(self, d):
        x = waitForDeferred(d)
        yield x
        try:
            x.getResult()
        except TerminalException:
            pass


run(DeferredGeneratorTests, "testHandledTerminalAsyncFailure")
