# flow edges: a failing branch of a Merge ends the whole merge: the
# results of the round that failed are delivered before the failure.
def gen():
    yield 1
    yield 2
    raise KeyError('k')
drain(block(flow.Merge(['a', 'b', 'c', 'd'], gen())))
drain(block(flow.Merge(gen(), ['a', 'b', 'c', 'd']), LookupError))
