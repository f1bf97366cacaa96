# flow edges: a failure at the bottom of three nested generators ends each
# of them in turn; the controller's trap catches it at the top.
def bottom():
    yield 1
    raise ValueError('deep')
def middle():
    src = flow.wrap(bottom())
    yield src
    for x in src:
        yield x * 10
        yield src
    print 'middle not reached'
def top():
    src = flow.wrap(middle())
    yield src
    for x in src:
        yield x + 1
        yield src
    print 'top not reached'
drain(block(top(), ValueError))
run(top())
