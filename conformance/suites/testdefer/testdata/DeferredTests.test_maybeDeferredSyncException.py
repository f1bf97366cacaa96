# src/twisted/test/test_defer.py DeferredTests.test_maybeDeferredSyncException (Twisted 22.4)


class DeferredTests(unittest.SynchronousTestCase, ImmediateFailureMixin):
    def setUp(self) -> None:
        self.callbackResults: Optional[
            Tuple[Tuple[object, ...], Dict[str, object]]
        ] = None
        self.callback2Results: Optional[
            Tuple[Tuple[object, ...], Dict[str, object]]
        ] = None
        self.errbackResults: Optional[
            Tuple[Tuple[Failure, ...], Dict[str, object]]
        ] = None

        # Restore the debug flag to its original state when done.
        self.addCleanup(defer.setDebugging, defer.getDebugging())

    def test_maybeDeferredSyncException(self) -> None:
        """
        L{defer.maybeDeferred} should catch an exception raised by a synchronous
        function and errback its resulting L{Deferred} with it.
        """
        try:
            "10" + 5  # type: ignore[operator]
        except TypeError as e:
            expected = str(e)

        def plusFive(x: int) -> int:
            return x + 5

        results: List[int] = []
        errors: List[Failure] = []
        d = defer.maybeDeferred(plusFive, "10")
        d.addCallbacks(results.append, errors.append)
        self.assertEqual(results, [])
        self.assertEqual(len(errors), 1)
        self.assertEqual(str(errors[0].value), expected)


run(DeferredTests, 'test_maybeDeferredSyncException')
