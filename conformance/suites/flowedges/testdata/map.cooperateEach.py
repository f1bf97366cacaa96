# flow edges: Map waits at each input's Cooperate in turn, resuming with
# the input that paused.
def a():
    yield 1
    yield flow.Cooperate(0.25)
    yield 2
def b():
    yield flow.Cooperate(0.5)
    yield 'x'
    yield 'y'
drain(block(flow.Map(lambda p, q: (p, q), a(), b())))
