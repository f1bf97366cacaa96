# flow edges: once a stage has stopped, every next() raises StopIteration
# again, yielded or not.
def consumer():
    src = flow.wrap([1])
    yield src
    print 'next', src.next()
    yield src
    for i in range(2):
        try:
            src.next()
        except StopIteration:
            print 'StopIteration', i
    yield src
    try:
        src.next()
    except StopIteration:
        print 'StopIteration after another yield'
drain(block(consumer()))
