# src/twisted/test/test_defer.py DeferredTests.test_succeedMatchesManualSuccess (Twisted HEAD 64661601a1)


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

    def test_succeedMatchesManualSuccess(self) -> None:
        """
        C{defer.succeed(x)} is the same as as C{d = Deferred(); d.callback(x)}.
        """
        d: Deferred[str] = Deferred()
        d.callback("success")
        d2: Deferred[str] = defer.succeed("success")
        self.assertEqual(d.__dict__, d2.__dict__)


run(DeferredTests, 'test_succeedMatchesManualSuccess')
