# flow edges: a one-input Map whose function returns its own arguments,
# with every result kept (list of a Block, and flow.Deferred's list).
def pack(*args):
    return args
print list(block(flow.Map(pack, [1, 2, 3])))
print list(block(flow.Map(pack, flow.Filter(None, slowlist([0, 4, 5])))))
run(flow.Map(pack, slowlist([6, 7])))
