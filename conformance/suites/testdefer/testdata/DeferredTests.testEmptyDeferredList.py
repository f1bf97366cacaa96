# src/twisted/test/test_defer.py DeferredTests.testEmptyDeferredList (Twisted 22.4)


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

    def testEmptyDeferredList(self) -> None:
        result: List[_DeferredListResultListT] = []

        def cb(
            resultList: _DeferredListResultListT,
            result: List[_DeferredListResultListT] = result,
        ) -> None:
            result.append(resultList)

        dl1: Deferred[_DeferredListResultListT] = DeferredList([])
        dl1.addCallbacks(cb)
        self.assertEqual(result, [[]])

        result[:] = []
        dl2: Deferred[_DeferredListSingleResultT] = DeferredList(
            [], fireOnOneCallback=True
        )
        dl2.addCallbacks(cb)
        self.assertEqual(result, [])


run(DeferredTests, 'testEmptyDeferredList')
