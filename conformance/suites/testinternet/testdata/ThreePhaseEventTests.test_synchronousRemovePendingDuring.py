# src/twisted/test/test_internet.py ThreePhaseEventTests.test_synchronousRemovePendingDuring (Twisted 22.4)

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

    def test_synchronousRemovePendingDuring(self):
        """
        If a during-phase trigger removes another during-phase trigger which
        has not yet run, the removed trigger should not be run.
        """
        events = []
        self.event.addTrigger("during", lambda: self.event.removeTrigger(duringHandle))
        duringHandle = self.event.addTrigger(
            "during", events.append, ("first", "during")
        )
        self.event.addTrigger("during", events.append, ("second", "during"))
        self.event.fireEvent()
        self.assertEqual(events, [("second", "during")])


run(ThreePhaseEventTests, 'test_synchronousRemovePendingDuring')
