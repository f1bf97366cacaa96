# flow edges: a consumer that cooperates after each value of a Callback. A
# push while it is paused runs the flow at once (the Callback still holds
# the flow's wake-up), before the Cooperate's timeout; the pending
# wake-up then runs the flow once more.
cb = flow.Callback()
def consumer():
    yield cb
    for x in cb:
        print 'got', x
        yield flow.Cooperate(0.2)
        print 'after pause', x
        yield cb
reactor.callLater(0.05, cb.result, 1)
reactor.callLater(0.1, cb.result, 2)
reactor.callLater(0.5, cb.finish)
run(consumer())
