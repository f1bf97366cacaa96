# flow edges: a Merge of a wrapped Deferred (fired by the reactor at 0.25)
# and a branch cooperating every 0.1: the Deferred's value comes in the
# round after it fires.
d = defer.Deferred()
reactor.callLater(0.25, d.callback, 'late')
def ticker():
    for i in range(4):
        yield flow.Cooperate(0.1)
        print 'tick', i
        yield i
run(flow.Merge(d, ticker()))
