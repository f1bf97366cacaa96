# src/twisted/test/test_defer.py UtilTests.test_logErrorLogsErrorNoRepr (Twisted 22.4)


class UtilTests(unittest.TestCase):
    """
    Tests for utility functions.
    """

    def test_logErrorLogsErrorNoRepr(self) -> None:
        """
        The text logged by L{defer.logError} has no repr of the failure.
        """
        output = []

        def emit(eventDict: Dict[str, Any]) -> None:
            text = log.textFromEventDict(eventDict)
            assert text is not None
            output.append(text)

        log.addObserver(emit)

        error = Failure(RuntimeError())
        defer.logError(error)
        self.flushLoggedErrors(RuntimeError)

        self.assertTrue(output[0].startswith("Unhandled Error\nTraceback "))


run(UtilTests, 'test_logErrorLogsErrorNoRepr')
