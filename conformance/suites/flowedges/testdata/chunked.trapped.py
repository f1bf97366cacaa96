# flow edges: a chunked stage gives its results first, then the trapped
# class (not in a list), then stops.
def gen():
    yield 1
    yield 2
    raise KeyError('k')
def consumer():
    src = flow.Merge(gen())
    src.chunked = True
    src = flow.wrap(src, KeyError)
    yield src
    for chunk in src:
        yield chunk
        yield src
drain(block(consumer()))
