# flow edges: Concurrent over two Callbacks fed in bursts by the reactor at
# distinct times: each push runs the flow at once, inside the producer's
# call.
ca = flow.Callback()
cb = flow.Callback()
def consumer():
    both = flow.Concurrent(ca, cb)
    yield both
    for stage in both:
        name = {id(ca): 'a', id(cb): 'b'}[id(stage)]
        value = stage.next()
        print 'consumer', name, value
        yield (name, value)
        yield both
def burst(label, pushes):
    def fire():
        print 'burst', label
        for push in pushes:
            push()
    return fire
reactor.callLater(0.05, burst(1, [lambda: ca.result(1), lambda: ca.result(2),
                                  lambda: cb.result(3)]))
reactor.callLater(0.10, burst(2, [lambda: cb.result(4), lambda: ca.finish()]))
reactor.callLater(0.15, burst(3, [lambda: cb.result(5), lambda: cb.result(6),
                                  lambda: cb.finish()]))
run(consumer())
