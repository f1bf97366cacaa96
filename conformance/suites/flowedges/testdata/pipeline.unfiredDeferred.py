# flow edges (deviation): Filter over a generator waiting on a Deferred that
# has not fired, under Block: Block cannot wait for it. The original raises
# Unsupported, whose constructor fails: a TypeError escapes.
def gen():
    yield 1
    yield defer.Deferred()
    yield 2
drain(block(flow.Filter(None, gen())))
