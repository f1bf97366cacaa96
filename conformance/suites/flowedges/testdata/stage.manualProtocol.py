# flow edges: the protocol by hand, as Stage's docstring describes it:
# results, then stop, then failure, read from the stage's members.
def gen():
    yield 1
    yield 2
    yield flow.Cooperate()
    yield 3
    raise KeyError('k')
def consumer():
    src = flow.wrap(gen())
    while True:
        yield src
        if src.results:
            print 'results', src.results
            src.results = []
        if src.stop:
            print 'stop'
            break
        if src.failure:
            src.stop = True
            print 'failure', src.failure.type.__name__
            break
    yield 'done'
drain(block(consumer()))
