# flow edges: the results a stage produced before its failure are
# delivered first, then the failure.
def gen():
    yield 1
    yield 2
    raise IOError('gone')
def printer(source):
    source = flow.wrap(source)
    yield source
    for x in source:
        print 'printer got', x
        yield source
drain(block(gen()))
run(printer(gen()))
