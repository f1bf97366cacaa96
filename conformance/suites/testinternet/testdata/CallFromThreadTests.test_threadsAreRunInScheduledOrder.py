# src/twisted/test/test_internet.py CallFromThreadTests.test_threadsAreRunInScheduledOrder (Twisted 22.4)

class CallFromThreadTests(TestCase):
    """
    Task scheduling from threads tests.
    """

    def setUp(self):
        self.counter = 0
        self.deferred = Deferred()

    def schedule(self, *args, **kwargs):
        """
        Override in subclasses.
        """
        reactor.callFromThread(*args, **kwargs)

    def test_threadsAreRunInScheduledOrder(self):
        """
        Callbacks should be invoked in the order they were scheduled.
        """
        order = []

        def check(_):
            self.assertEqual(order, [1, 2, 3])

        self.deferred.addCallback(check)
        self.schedule(order.append, 1)
        self.schedule(order.append, 2)
        self.schedule(order.append, 3)
        self.schedule(reactor.callFromThread, self.deferred.callback, None)

        return self.deferred


run(CallFromThreadTests, 'test_threadsAreRunInScheduledOrder')
