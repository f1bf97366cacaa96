# flow edges: Merge takes what each branch has, in turn: a list gives all
# its values at once, a generator one per round.
def gen(name):
    for i in range(3):
        yield name + str(i)
drain(block(flow.Merge(gen('g'), ['l0', 'l1', 'l2'], gen('h'))))
