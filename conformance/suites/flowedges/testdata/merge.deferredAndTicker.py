# flow edges: a Merge of a wrapped Deferred (fired by the reactor at 0.3)
# and a branch cooperating every 0.2: the Deferred's wake-up gives its value
# and also resumes the ticker, before its Cooperate's time.
d = defer.Deferred()
reactor.callLater(0.3, d.callback, 'late')
def ticker():
    for i in range(4):
        yield flow.Cooperate(0.2)
        print 'tick', i
        yield i
run(flow.Merge(d, ticker()))
