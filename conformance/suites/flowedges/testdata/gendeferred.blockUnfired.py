# flow edges (deviation): Block over a generator waiting on a Deferred that
# has not fired: Block cannot wait for it and raises Unsupported, whose
# construction fails with a TypeError.
def gen():
    yield 1
    yield defer.Deferred()
    yield 2
drain(block(gen()))
