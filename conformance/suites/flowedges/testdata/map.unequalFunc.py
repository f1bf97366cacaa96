# flow edges: Map calls the function with None for inputs that ended.
def pair(a, b):
    return '%s-%s' % (a, b)
drain(block(flow.Map(pair, [1, 2, 3], ['x'])))
drain(block(flow.Map(pair, [], ['x', 'y'])))
