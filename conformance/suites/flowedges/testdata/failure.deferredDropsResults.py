# flow edges: flow.Deferred errbacks with the failure alone: the results
# gathered before it are not passed on.
def gen():
    yield 1
    yield flow.Cooperate()
    yield 2
    raise IOError('gone')
run(gen())
