# src/twisted/test/test_defer.py DeferredTests.test_errbackReturnsDeferred (Twisted HEAD 64661601a1)


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

    def test_errbackReturnsDeferred(self) -> None:
        """
        Errbacks passed to L{Deferred.addErrback} can return Deferreds just as
        callbacks can.
        """
        d: Deferred[int] = Deferred()
        d2: Deferred[str] = Deferred()
        resultValues = []

        def asyncErrback(result: Failure) -> Deferred[str]:
            return d2

        def syncCallback(result: Union[str, int]) -> None:
            resultValues.append(result)

        d.addErrback(asyncErrback).addCallback(syncCallback)
        d.errback(ValueError())
        self.assertNoResult(d)
        self.assertEqual(resultValues, [])
        d2.callback("result")
        self.assertEqual(resultValues, ["result"])


run(DeferredTests, 'test_errbackReturnsDeferred')
