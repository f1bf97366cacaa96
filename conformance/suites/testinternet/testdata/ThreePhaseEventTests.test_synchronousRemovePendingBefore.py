# src/twisted/test/test_internet.py ThreePhaseEventTests.test_synchronousRemovePendingBefore (Twisted 22.4)

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

    def test_synchronousRemovePendingBefore(self):
        """
        If a before-phase trigger removes another before-phase trigger which
        has not yet run, the removed trigger should not be run.
        """
        events = []
        self.event.addTrigger("before", lambda: self.event.removeTrigger(beforeHandle))
        beforeHandle = self.event.addTrigger(
            "before", events.append, ("first", "before")
        )
        self.event.addTrigger("before", events.append, ("second", "before"))
        self.event.fireEvent()
        self.assertEqual(events, [("second", "before")])


run(ThreePhaseEventTests, 'test_synchronousRemovePendingBefore')
