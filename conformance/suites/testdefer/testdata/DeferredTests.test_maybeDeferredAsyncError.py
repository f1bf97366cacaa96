# src/twisted/test/test_defer.py DeferredTests.test_maybeDeferredAsyncError (Twisted 22.4)


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

    def test_maybeDeferredAsyncError(self) -> None:
        """
        L{defer.maybeDeferred} should let L{Deferred} instance pass by
        so that L{Failure} returned by the original instance is the
        same.
        """
        d1: Deferred[None] = Deferred()
        d2: Deferred[None] = defer.maybeDeferred(
            lambda: d1  # type: ignore[arg-type]  # because nested Deferred
        )
        d1.errback(Failure(RuntimeError()))
        self.assertImmediateFailure(d2, RuntimeError)


run(DeferredTests, 'test_maybeDeferredAsyncError')
