# flow edges: two flow.Deferreds cooperating with distinct timeouts
# interleave their steps in time order.
def request(name, pause):
    print name, 'step one'
    yield flow.Cooperate(pause)
    print name, 'step two'
    yield flow.Cooperate(pause)
    print name, 'step three'
    yield name
a = outcome(flow.Deferred(request('James', 0.1)))
b = outcome(flow.Deferred(request('Wendy', 0.15)))
wait(defer.DeferredList([a, b]))
