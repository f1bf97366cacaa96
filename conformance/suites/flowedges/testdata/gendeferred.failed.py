# flow edges: a generator waiting on a Deferred that fails is resumed all
# the same: the failure is swallowed by the flow's own callback.
def gen():
    yield 1
    d = defer.Deferred()
    reactor.callLater(0.05, d.errback, Failure(IOError('late')))
    yield d
    print 'resumed'
    yield 2
run(gen())
