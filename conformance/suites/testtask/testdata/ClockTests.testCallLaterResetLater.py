# src/twisted/test/test_task.py ClockTests.testCallLaterResetLater (Twisted 22.4)

class ClockTests(unittest.TestCase):
    """
    Test the non-wallclock based clock implementation.
    """

    def testCallLaterResetLater(self):
        """
        Test that calls can have their time reset to a later time.
        """
        events = []
        c = task.Clock()
        call = c.callLater(2, lambda a, b: events.append((a, b)), 1, b=2)
        c.advance(1)
        call.reset(3)
        self.assertEqual(call.getTime(), 4)
        c.advance(2)
        self.assertEqual(events, [])
        c.advance(1)
        self.assertEqual(events, [(1, 2)])


run(ClockTests, 'testCallLaterResetLater')
