# src/twisted/test/test_failure.py FailureTests.test_RaiseExceptionWithTB
# (Twisted 22.4): the class with the test and the helpers it uses, verbatim.
class FailureTests(SynchronousTestCase):
    """
    Tests for L{failure.Failure}.
    """

    def _getInnermostFrameLine(self, f):
        try:
            f.raiseException()
        except ZeroDivisionError:
            tb = traceback.extract_tb(sys.exc_info()[2])
            return tb[-1][-1]
        else:
            raise Exception("f.raiseException() didn't raise ZeroDivisionError!?")

    def test_RaiseExceptionWithTB(self):
        f = getDivisionFailure()
        innerline = self._getInnermostFrameLine(f)
        self.assertEqual(innerline, "1 / 0")


run(FailureTests, "test_RaiseExceptionWithTB")
