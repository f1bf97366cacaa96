# src/twisted/test/test_task.py ClockTests.test_getDelayedCallsEmpty (Twisted 22.4)

class ClockTests(unittest.TestCase):
    """
    Test the non-wallclock based clock implementation.
    """

    def test_getDelayedCallsEmpty(self):
        """
        Test that we get an empty list from getDelayedCalls on a newly
        constructed Clock.
        """
        c = task.Clock()
        self.assertEqual(c.getDelayedCalls(), [])


run(ClockTests, 'test_getDelayedCallsEmpty')
