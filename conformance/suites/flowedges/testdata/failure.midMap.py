# flow edges: a failure in one input of a Map ends it after the results
# already mapped; the failure is the input's.
def gen():
    yield 10
    yield 20
    raise ValueError('third')
drain(block(flow.Map(lambda a, b: a + b, [1, 2, 3, 4], gen())))
drain(block(flow.Map(lambda a, b: a + b, [1, 2, 3, 4], gen()), ValueError))
