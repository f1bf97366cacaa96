# flow edges: Block sleeps for each Cooperate's timeout, between the values
# of a generator.
def gen():
    yield 1
    yield flow.Cooperate(0.5)
    yield 2
    yield flow.Cooperate(2)
    yield flow.Cooperate()
    yield 3
drain(block(gen()))
