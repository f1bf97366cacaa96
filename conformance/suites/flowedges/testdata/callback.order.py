# flow edges: each push into a Callback runs the waiting flow at once,
# inside the producer's call.
cb = flow.Callback()
def consumer():
    yield cb
    for x in cb:
        print 'consumer got', x
        yield cb
    print 'consumer done'
d = outcome(flow.Deferred(consumer()))
print 'push 1'
cb.result(1)
print 'push 2'
cb.result(2)
print 'finish'
cb.finish()
print 'after finish'
