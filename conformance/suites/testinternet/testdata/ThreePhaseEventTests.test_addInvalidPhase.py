# src/twisted/test/test_internet.py ThreePhaseEventTests.test_addInvalidPhase (Twisted 22.4)

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

    def test_addInvalidPhase(self):
        """
        L{_ThreePhaseEvent.addTrigger} should raise L{KeyError} when called
        with an invalid phase.
        """
        self.assertRaises(
            KeyError, self.event.addTrigger, "xxx", self.trigger, self.arg
        )


run(ThreePhaseEventTests, 'test_addInvalidPhase')
