# flow edges: next() gives a trapped failure's class once, then raises
# StopIteration.
def badgen():
    yield 'x'
    raise ValueError('bad')
def consumer():
    src = flow.wrap(badgen(), ValueError)
    yield src
    print src.next()
    yield src
    print src.next()
    try:
        src.next()
    except StopIteration:
        print 'StopIteration'
drain(block(consumer()))
