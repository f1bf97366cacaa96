# src/twisted/test/test_internet.py ThreePhaseEventTests.test_synchronousBeforeRemovesConspicuouslySimilarDuring (Twisted 22.4)

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

    def test_synchronousBeforeRemovesConspicuouslySimilarDuring(self):
        """
        If a before-phase trigger removes a during-phase trigger which is
        identical to an already-executed before-phase trigger aside from their
        phases, no warning should be emitted and the during-phase trigger
        should not be run.
        """
        events = []

        def trigger():
            events.append("trigger")

        self.event.addTrigger("before", trigger)
        self.event.addTrigger("before", lambda: self.event.removeTrigger(duringTrigger))
        duringTrigger = self.event.addTrigger("during", trigger)
        self.event.fireEvent()
        self.assertEqual(events, ["trigger"])


run(ThreePhaseEventTests, 'test_synchronousBeforeRemovesConspicuouslySimilarDuring')
