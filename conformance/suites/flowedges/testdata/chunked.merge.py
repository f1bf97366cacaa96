# flow edges: a chunked Merge gives all results gathered in one round.
def consumer():
    src = flow.Merge([1, 2, flow.Cooperate(), 3], ['a', 'b', 'c'])
    src.chunked = True
    yield src
    for chunk in src:
        yield chunk
        yield src
drain(block(consumer()))
