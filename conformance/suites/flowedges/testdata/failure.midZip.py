# flow edges: a Zip whose second input fails partway: the pairs made so
# far, then the failure (trapped as the controller's trap says).
def gen():
    yield 'a'
    yield flow.Cooperate()
    yield 'b'
    raise KeyError('c')
drain(block(flow.Zip([1, 2, 3], gen())))
run(flow.Zip([1, 2, 3], gen()), KeyError)
