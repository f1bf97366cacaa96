# flow edges: a chunked list stage read by a generator. Yielded from the
# generator, the list stage runs on through its Cooperates (the chain pauses
# at each), so the one chunk holds every value.
def consumer():
    src = flow.wrap([1, 2, flow.Cooperate(), 3, flow.Cooperate(), 4, 5])
    src.chunked = True
    yield src
    for chunk in src:
        yield chunk
        yield src
drain(block(consumer()))
