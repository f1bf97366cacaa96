# flow edges: a Map function that returns its own arguments: each result
# keeps the values it was called with.
def pack(*args):
    return args
drain(block(flow.Map(pack, [1, 2, 3], ['a', 'b'])))
run(flow.Map(pack, [1, 2, 3], ['a', 'b']))
