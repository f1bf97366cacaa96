# src/twisted/test/test_defer.py FirstErrorTests.test_repr (Twisted 22.4)


class FirstErrorTests(unittest.SynchronousTestCase):
    """
    Tests for L{FirstError}.
    """

    # Stand-in (not in test_defer.py): the reprs and strs compared here hold
    # Python 3 reprs and a traceback, which differ in Go.
    assertEqual = _assertEqualUnshown

    def test_repr(self) -> None:
        """
        The repr of a L{FirstError} instance includes the repr of the value of
        the sub-failure and the index which corresponds to the L{FirstError}.
        """
        exc = ValueError("some text")
        try:
            raise exc
        except BaseException:
            f = Failure()

        error = defer.FirstError(f, 3)
        self.assertEqual(repr(error), f"FirstError[#3, {repr(exc)}]")


run(FirstErrorTests, 'test_repr')
