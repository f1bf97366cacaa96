# flow edges: a generator failing before any value; flow.Deferred fails at
# once, synchronously.
def gen():
    raise KeyError('early')
    yield 1
d = outcome(flow.Deferred(gen()))
print d.called
d = outcome(flow.Deferred(gen(), KeyError))
