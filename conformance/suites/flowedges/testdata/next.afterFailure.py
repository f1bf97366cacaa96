# flow edges: next() raises an untrapped failure once; after it the stage
# has stopped: StopIteration.
def badgen():
    yield 'x'
    raise ValueError('bad')
def consumer():
    src = flow.wrap(badgen())
    yield src
    print src.next()
    yield src
    try:
        src.next()
    except ValueError, e:
        raised(e)
    try:
        src.next()
    except StopIteration:
        print 'StopIteration'
drain(block(consumer()))
