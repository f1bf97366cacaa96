# flow edges: a wrapped Deferred is one value once fired, or its failure
# (trapped or not).
a = defer.Deferred()
a.callback('early')
drain(block(a))
b = defer.Deferred()
b.errback(Failure(IOError('bad')))
drain(block(b, IOError))
c = defer.Deferred()
c.errback(Failure(IOError('bad')))
drain(block(c))
l = defer.Deferred()
reactor.callLater(0.05, l.callback, 'late')
run(l)
