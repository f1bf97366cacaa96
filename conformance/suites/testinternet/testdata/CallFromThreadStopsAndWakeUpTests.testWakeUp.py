# src/twisted/test/test_internet.py CallFromThreadStopsAndWakeUpTests.testWakeUp (Twisted 22.4)

class CallFromThreadStopsAndWakeUpTests(TestCase):

    @skipIf(
        not interfaces.IReactorThreads(reactor, None),
        "Nothing to wake up for without thread support",
    )
    def testWakeUp(self):
        # Make sure other threads can wake up the reactor
        d = Deferred()

        def wake():
            time.sleep(0.1)
            # callFromThread will call wakeUp for us
            reactor.callFromThread(d.callback, None)

        reactor.callInThread(wake)
        return d


run(CallFromThreadStopsAndWakeUpTests, 'testWakeUp')
