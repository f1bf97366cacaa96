# src/twisted/test/test_failure.py FailureTests.test_trapRaisesWrappedException (Twisted 22.4): the
# class with the test and the helpers it uses, verbatim.
class FailureTests(SynchronousTestCase):
    """
    Tests for L{failure.Failure}.
    """

    def test_trapRaisesWrappedException(self):
        """
        If the wrapped C{Exception} is not a subclass of one of the
        expected types, L{failure.Failure.trap} raises the wrapped
        C{Exception}.
        """
        exception = ValueError()
        try:
            raise exception
        except BaseException:
            f = failure.Failure()

        untrapped = self.assertRaises(ValueError, f.trap, OverflowError)
        self.assertIs(exception, untrapped)


run(FailureTests, "test_trapRaisesWrappedException")
