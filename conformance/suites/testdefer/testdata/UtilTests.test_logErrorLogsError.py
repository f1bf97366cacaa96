# src/twisted/test/test_defer.py UtilTests.test_logErrorLogsError (Twisted 22.4)


class UtilTests(unittest.TestCase):
    """
    Tests for utility functions.
    """

    def test_logErrorLogsError(self) -> None:
        """
        L{defer.logError} logs the given error.
        """
        error = Failure(RuntimeError())
        defer.logError(error)
        errors = self.flushLoggedErrors(RuntimeError)

        self.assertEqual(errors, [error])


run(UtilTests, 'test_logErrorLogsError')
