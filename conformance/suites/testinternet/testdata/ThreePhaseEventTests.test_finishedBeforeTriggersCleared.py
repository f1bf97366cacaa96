# src/twisted/test/test_internet.py ThreePhaseEventTests.test_finishedBeforeTriggersCleared (Twisted 22.4)

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

    def test_finishedBeforeTriggersCleared(self):
        """
        The temporary list L{_ThreePhaseEvent.finishedBefore} should be emptied
        and the state reset to C{'BASE'} before the first during-phase trigger
        executes.
        """
        events = []

        def duringTrigger():
            events.append("during")
            self.assertEqual(self.event.finishedBefore, [])
            self.assertEqual(self.event.state, "BASE")

        self.event.addTrigger("before", events.append, "before")
        self.event.addTrigger("during", duringTrigger)
        self.event.fireEvent()
        self.assertEqual(events, ["before", "during"])


run(ThreePhaseEventTests, 'test_finishedBeforeTriggersCleared')
