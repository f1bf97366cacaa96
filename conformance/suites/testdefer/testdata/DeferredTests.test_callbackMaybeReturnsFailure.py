# src/twisted/test/test_defer.py DeferredTests.test_callbackMaybeReturnsFailure (Twisted HEAD 64661601a1)


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

    def test_callbackMaybeReturnsFailure(self) -> None:
        """
        Callbacks passed to addCallback may return Failures.
        """
        d: Deferred[int] = Deferred()

        shouldFail = False
        rte = RuntimeError()

        def maybeFail(result: int) -> Union[int, Failure]:
            # testing the Union return annotation here
            if shouldFail:
                return Failure(rte)
            else:
                return result + 1

        d.callback(6)
        self.assertEqual(self.successResultOf(d.addCallback(maybeFail)), 7)
        d = Deferred[int]()
        shouldFail = True
        d.callback(6)
        self.assertIs(
            self.failureResultOf(
                # make sure mypy still considers us a Deferred[int] here
                d.addCallback(maybeFail).addCallback(maybeFail),
                RuntimeError,
            ).value,
            rte,
        )


run(DeferredTests, 'test_callbackMaybeReturnsFailure')
