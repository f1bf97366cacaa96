# flow edges (deviation): a Merge of a wrapped Deferred (fired at 0.3) and a
# branch cooperating every 0.2. Each time the flow suspends with the
# Deferred unfired, the original adds one more resume callback to it; when
# it fires they all run at once, and each resumption runs the ticker on
# past its Cooperate: several ticks come before the marker at 0.35.
d = defer.Deferred()
reactor.callLater(0.3, d.callback, 'late')
def marker():
    print 'marker at 0.35'
reactor.callLater(0.35, marker)
def ticker():
    for i in range(5):
        yield flow.Cooperate(0.2)
        print 'tick', i
        yield i
run(flow.Merge(d, ticker()))
