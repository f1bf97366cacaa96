# src/twisted/test/test_failure.py GetTracebackTests.test_brokenValueDefaultDetail
# (Twisted 22.4): the class with the test and the helpers it uses,
# verbatim; BrokenStr, the module-level class it uses, comes from the
# prelude, which imports it from test_failure.py.

class GetTracebackTests(SynchronousTestCase):
    """
    Tests for L{Failure.getTraceback}.
    """

    def _brokenValueTest(self, detail):
        """
        Construct a L{Failure} with an exception that raises an exception from
        its C{__str__} method and then call C{getTraceback} with the specified
        detail and verify that it returns a string.
        """
        x = BrokenStr()
        f = failure.Failure(x)
        traceback = f.getTraceback(detail=detail)
        self.assertIsInstance(traceback, str)

    def test_brokenValueDefaultDetail(self):
        """
        Like test_brokenValueBriefDetail, but for the C{"default"} detail case.
        """
        self._brokenValueTest("default")


run(GetTracebackTests, "test_brokenValueDefaultDetail")
