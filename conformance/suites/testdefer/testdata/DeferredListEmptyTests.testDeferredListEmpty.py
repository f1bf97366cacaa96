# src/twisted/test/test_defer.py DeferredListEmptyTests.testDeferredListEmpty (Twisted 22.4)


class DeferredListEmptyTests(unittest.SynchronousTestCase):
    def setUp(self) -> None:
        self.callbackRan = 0

    def testDeferredListEmpty(self) -> None:
        """Testing empty DeferredList."""
        dl = DeferredList([])
        dl.addCallback(self.cb_empty)

    def cb_empty(self, res: List[object]) -> None:
        self.callbackRan = 1
        self.assertEqual([], res)

    def tearDown(self) -> None:
        self.assertTrue(self.callbackRan, "Callback was never run.")


run(DeferredListEmptyTests, 'testDeferredListEmpty')
