# src/twisted/test/test_task.py ClockTests.test_providesIReactorTime (Twisted 22.4)

class ClockTests(unittest.TestCase):
    """
    Test the non-wallclock based clock implementation.
    """

    def test_providesIReactorTime(self):
        c = task.Clock()
        self.assertTrue(
            interfaces.IReactorTime.providedBy(c), "Clock does not provide IReactorTime"
        )


run(ClockTests, 'test_providesIReactorTime')
