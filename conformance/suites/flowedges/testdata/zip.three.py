# flow edges: Zip of three inputs of different lengths and kinds.
def gen():
    yield 'g1'
    yield flow.Cooperate()
    yield 'g2'
drain(block(flow.Zip([1, 2, 3, 4], gen(), 'str')))
