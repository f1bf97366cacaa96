# src/twisted/test/test_internet.py ThreePhaseEventTests.test_beforeTriggerException (Twisted 22.4)

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

    def test_beforeTriggerException(self):
        """
        If a before-phase trigger raises a synchronous exception, it should be
        logged and the remaining triggers should be run.
        """
        events = []

        class DummyException(Exception):
            pass

        def raisingTrigger():
            raise DummyException()

        self.event.addTrigger("before", raisingTrigger)
        self.event.addTrigger("before", events.append, "before")
        self.event.addTrigger("during", events.append, "during")
        self.event.fireEvent()
        self.assertEqual(events, ["before", "during"])
        errors = self.flushLoggedErrors(DummyException)
        self.assertEqual(len(errors), 1)


run(ThreePhaseEventTests, 'test_beforeTriggerException')
