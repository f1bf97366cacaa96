# flow edges: a failure of Filter's source becomes the Filter's, after the
# values kept so far; Filter's own trap catches it.
def gen():
    yield 1
    yield 2
    yield 3
    raise KeyError('k')
drain(block(flow.Filter(lambda x: x != 2, gen())))
drain(block(flow.Filter(lambda x: x != 2, gen(), KeyError)))
