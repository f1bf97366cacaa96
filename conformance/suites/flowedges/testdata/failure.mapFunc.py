# flow edges: the Map function raising fails the Map (a trapped failure for
# Block's trap), after the values mapped so far.
def inv(x):
    return 10 / x
drain(block(flow.Map(inv, [5, 2, 0, 1])))
drain(block(flow.Map(inv, [5, 2, 0, 1]), ZeroDivisionError))
run(flow.Map(inv, [5, flow.Cooperate(), 0, 1]))
