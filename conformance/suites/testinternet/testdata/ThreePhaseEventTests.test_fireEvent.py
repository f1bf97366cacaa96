# src/twisted/test/test_internet.py ThreePhaseEventTests.test_fireEvent (Twisted 22.4)

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

    def test_fireEvent(self):
        """
        L{_ThreePhaseEvent.fireEvent} should call I{before}, I{during}, and
        I{after} phase triggers in that order.
        """
        events = []
        self.event.addTrigger("after", events.append, ("first", "after"))
        self.event.addTrigger("during", events.append, ("first", "during"))
        self.event.addTrigger("before", events.append, ("first", "before"))
        self.event.addTrigger("before", events.append, ("second", "before"))
        self.event.addTrigger("during", events.append, ("second", "during"))
        self.event.addTrigger("after", events.append, ("second", "after"))

        self.assertEqual(events, [])
        self.event.fireEvent()
        self.assertEqual(
            events,
            [
                ("first", "before"),
                ("second", "before"),
                ("first", "during"),
                ("second", "during"),
                ("first", "after"),
                ("second", "after"),
            ],
        )


run(ThreePhaseEventTests, 'test_fireEvent')
