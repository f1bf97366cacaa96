# flow edges: Filter keeps the values its function returns a true value
# for (None counts as false), across Cooperate.
def odd(val):
    if val % 2:
        return 'yes'
src = [1, 2, flow.Cooperate(), 3, 4, 5, flow.Cooperate(0.5), 6]
drain(block(flow.Filter(odd, slowlist(src))))
run(flow.Filter(odd, src))
