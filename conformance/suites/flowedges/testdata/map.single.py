# flow edges: Map of one input (the docstring's example) under
# flow.Deferred.
def fn(val):
    return val + 10
run(flow.Map(fn, range(4)))
