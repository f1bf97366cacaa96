# src/twisted/test/test_defgen.py InlineCallbacksTests.testYieldNonDeferred (Twisted 22.4), verbatim: the class
# with the test.
class InlineCallbacksTests(BaseDefgenTests, unittest.TestCase):
    def testYieldNonDeferred(self):
        """
        Ensure that yielding a non-deferred passes it back as the
        result of the yield expression.

        @return: A L{twisted.internet.defer.Deferred}
        @rtype: L{twisted.internet.defer.Deferred}
        """

        def _test():
            yield 5
            returnValue(5)

        _test = inlineCallbacks(_test)

        return _test().addCallback(self.assertEqual, 5)


run(InlineCallbacksTests, "testYieldNonDeferred")
