# twisted/test/test_defgen.py DeferredGeneratorTests.testBasics (b2b5697a0f^), verbatim: the class with the
# generator the test uses (BaseDefgenTests, in the prelude, has the test).
class DeferredGeneratorTests(BaseDefgenTests, unittest.TestCase):

    def _genBasics(self):

        x = waitForDeferred(getThing())
        yield x
        x = x.getResult()

        self.assertEquals(x, "hi")

        ow = waitForDeferred(getOwie())
        yield ow
        try:
            ow.getResult()
        except ZeroDivisionError, e:
            self.assertEquals(str(e), 'OMG')
        yield "WOOSH"
        return
    _genBasics = deferredGenerator(_genBasics)

run(DeferredGeneratorTests, 'testBasics')
