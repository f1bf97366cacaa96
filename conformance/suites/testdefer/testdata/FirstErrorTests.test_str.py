# src/twisted/test/test_defer.py FirstErrorTests.test_str (Twisted 22.4)


class FirstErrorTests(unittest.SynchronousTestCase):
    """
    Tests for L{FirstError}.
    """

    # Stand-in (not in test_defer.py): the reprs and strs compared here hold
    # Python 3 reprs and a traceback, which differ in Go.
    assertEqual = _assertEqualUnshown

    def test_str(self) -> None:
        """
        The str of a L{FirstError} instance includes the str of the
        sub-failure and the index which corresponds to the L{FirstError}.
        """
        exc = ValueError("some text")
        try:
            raise exc
        except BaseException:
            f = Failure()

        error = defer.FirstError(f, 5)
        self.assertEqual(str(error), f"FirstError[#5, {str(f)}]")


run(FirstErrorTests, 'test_str')
