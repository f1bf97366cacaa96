# flow edges: a wrapped Deferred that fails later, from the reactor: the
# flow fails with it, or, trapped, gives its class.
d = defer.Deferred()
reactor.callLater(0.05, d.errback, Failure(IOError('later')))
d2 = defer.Deferred()
reactor.callLater(0.05, d2.errback, Failure(IOError('later')))
outcome(flow.Deferred(d2, IOError))
run(d)
