# flow edges: a chunked generator stage gives one-element lists (a
# generator produces one result per yield).
def gen():
    yield 'a'
    yield 'b'
    yield flow.Cooperate()
    yield 'c'
def consumer():
    src = flow.wrap(gen())
    src.chunked = True
    yield src
    for chunk in src:
        yield chunk
        yield src
drain(block(consumer()))
