# flow edges: a chunked list stage gives, per yield, every result up to the
# next instruction as one list.
def consumer():
    src = flow.wrap([1, 2, flow.Cooperate(), 3, flow.Cooperate(), 4, 5])
    src.chunked = True
    yield src
    for chunk in src:
        yield chunk
        yield src
drain(block(consumer()))
