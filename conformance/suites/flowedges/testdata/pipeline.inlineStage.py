# flow edges: Filter over a generator that yields a stage inline (a list
# that cooperates) and a fired Deferred: the chain pauses for the stage,
# skips the Deferred, and neither gives a value.
def gen():
    yield 1
    yield flow.wrap([flow.Cooperate(0.5)])
    yield 0
    d = defer.Deferred()
    d.callback('ignored')
    yield d
    yield 2
drain(block(flow.Filter(None, gen())))
