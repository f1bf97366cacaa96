# src/twisted/test/test_internet.py ThreePhaseEventTests.test_removeAlmostValidTrigger (Twisted 22.4)

class ThreePhaseEventTests(TestCase):
    """
    Tests for the private implementation helpers for system event triggers.
    """

    def setUp(self):
        """
        Create a trigger, an argument, and an event to be used by tests.
        """
        self.trigger = lambda x: None
        self.arg = object()
        self.event = base._ThreePhaseEvent()

    def test_removeAlmostValidTrigger(self):
        """
        L{_ThreePhaseEvent.removeTrigger} should raise L{ValueError} if it is
        given a trigger handle which resembles a valid trigger handle aside
        from its phase being incorrect.
        """
        self.assertRaises(
            KeyError, self.event.removeTrigger, ("xxx", self.trigger, (self.arg,), {})
        )


run(ThreePhaseEventTests, 'test_removeAlmostValidTrigger')
