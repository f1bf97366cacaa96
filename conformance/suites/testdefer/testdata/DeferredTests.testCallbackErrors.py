# src/twisted/test/test_defer.py DeferredTests.testCallbackErrors (Twisted 22.4)


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

    def testCallbackErrors(self) -> None:
        l: List[Failure] = []
        d = Deferred().addCallback(lambda _: 1 // 0).addErrback(l.append)
        d.callback(1)
        self.assertIsInstance(l[0].value, ZeroDivisionError)
        l = []
        d = (
            Deferred()
            .addCallback(lambda _: Failure(ZeroDivisionError()))
            .addErrback(l.append)
        )
        d.callback(1)
        self.assertIsInstance(l[0].value, ZeroDivisionError)


run(DeferredTests, 'testCallbackErrors')
