# src/twisted/test/test_defer.py UtilTests.test_logErrorReturnsError (Twisted 22.4)


class UtilTests(unittest.TestCase):
    """
    Tests for utility functions.
    """

    def test_logErrorReturnsError(self) -> None:
        """
        L{defer.logError} returns the given error.
        """
        error = Failure(RuntimeError())
        result = defer.logError(error)
        self.flushLoggedErrors(RuntimeError)

        self.assertIs(error, result)


run(UtilTests, 'test_logErrorReturnsError')
