# flow edges: a failure the nested stage does not trap is raised by its
# next() inside the consumer, ending the consumer; the controller's trap
# then catches it: the consumer's remaining code never runs.
def producer():
    yield 1
    raise KeyError('k')
def consumer():
    src = flow.wrap(producer(), ValueError)
    yield src
    for x in src:
        yield ('got', x)
        yield src
    yield 'done'
drain(block(consumer(), LookupError))
run(consumer(), KeyError)
