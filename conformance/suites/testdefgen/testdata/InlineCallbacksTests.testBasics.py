# twisted/test/test_defgen.py InlineCallbacksTests.testBasics (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):

    def _genBasics(self):

        x = yield getThing()

        self.assertEquals(x, "hi")

        try:
            ow = yield getOwie()
        except ZeroDivisionError, e:
            self.assertEquals(str(e), 'OMG')
        returnValue("WOOSH")
    _genBasics = inlineCallbacks(_genBasics)

run(InlineCallbacksTests, 'testBasics')
