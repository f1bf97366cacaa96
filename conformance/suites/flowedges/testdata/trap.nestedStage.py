# flow edges: a trap on a nested stage turns the failure into a value the
# consumer sees; the controller's trap is not needed.
def producer():
    yield 1
    raise KeyError('k')
def consumer():
    src = flow.wrap(producer(), KeyError)
    yield src
    for x in src:
        yield ('got', x)
        yield src
    yield 'done'
drain(block(consumer(), ValueError))
