# flow edges: inside a Merge, a generator waiting on a Deferred that has not
# fired is polled again whenever another branch wakes the flow: it goes on
# before the Deferred fires.
def waiter():
    d = defer.Deferred()
    reactor.callLater(0.25, d.callback, 'x')
    print 'waiter waits'
    yield d
    print 'waiter resumed, fired:', bool(d.called)
    yield 'w'
def ticker():
    for i in range(3):
        yield flow.Cooperate(0.1)
        print 'tick', i
        yield i
run(flow.Merge(waiter(), ticker()))
