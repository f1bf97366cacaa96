# flow edges: a generator yielding a Deferred that has not fired suspends
# the flow until it fires (here from the reactor); its result is not a
# value of the flow.
def gen():
    yield 1
    d = defer.Deferred()
    reactor.callLater(0.05, d.callback, 'later')
    print 'waiting'
    yield d
    print 'resumed'
    yield 2
run(gen())
