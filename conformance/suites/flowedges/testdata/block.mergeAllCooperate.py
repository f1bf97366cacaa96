# flow edges (deviation): Block over a Merge whose branches all cooperate at
# once (timeouts 0.5 and 0.25). Python: Block raises Unsupported for the
# Concurrent instruction, whose construction fails with a TypeError.
def gen(name, timeout):
    yield name + '0'
    yield flow.Cooperate(timeout)
    yield name + '1'
drain(block(flow.Merge(gen('a', 0.5), gen('b', 0.25))))
