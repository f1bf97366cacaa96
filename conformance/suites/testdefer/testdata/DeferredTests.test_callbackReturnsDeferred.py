# src/twisted/test/test_defer.py DeferredTests.test_callbackReturnsDeferred (Twisted HEAD 64661601a1)


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

    def _callback(self, *args: object, **kwargs: object) -> Any:
        self.callbackResults = args, kwargs
        return args[0]

    def test_callbackReturnsDeferred(self) -> None:
        """
        Callbacks passed to L{Deferred.addCallback} can return Deferreds and
        the next callback will not be run until that Deferred fires.
        """
        d1: Deferred[int] = Deferred()
        d2: Deferred[int] = Deferred()
        d2.pause()
        d1.addCallback(lambda r: d2)
        d1.addCallback(self._callback)
        d1.callback(1)
        self.assertIsNone(self.callbackResults, "Should not have been called yet.")
        d2.callback(2)
        self.assertIsNone(
            self.callbackResults, "Still should not have been called yet."
        )
        d2.unpause()
        self.assertIsNotNone(self.callbackResults, "Should have been called now")
        assert self.callbackResults is not None, "make that legible to the type checker"
        self.assertEquals(
            self.callbackResults[0][0],
            2,
            "Result should have been from second deferred:{}".format(
                self.callbackResults
            ),
        )


run(DeferredTests, 'test_callbackReturnsDeferred')
