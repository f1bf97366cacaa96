# flow edges: a Merge of a Callback pushed by the reactor and a branch
# cooperating every 0.2: a push wakes the whole Merge at once, and the
# ticker runs on before its own time.
cb = flow.Callback()
def push(x):
    print 'push', x
    cb.result(x)
def finish():
    print 'finish'
    cb.finish()
reactor.callLater(0.1, push, 'x')
reactor.callLater(0.5, push, 'y')
reactor.callLater(0.9, finish)
def ticker():
    for i in range(3):
        yield flow.Cooperate(0.2)
        print 'tick', i
        yield i
run(flow.Merge(cb, ticker()))
