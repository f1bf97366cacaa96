# flow edges: generators nested three deep, each yielding the one below it
# before every next(); the bottom one cooperates.
def bottom():
    yield 1
    yield flow.Cooperate(0.5)
    yield 2
    yield 3
def middle():
    src = flow.wrap(bottom())
    yield src
    for x in src:
        print 'middle got', x
        yield x * 10
        yield src
def top():
    src = flow.wrap(middle())
    yield src
    for x in src:
        print 'top got', x
        yield x + 1
        yield src
drain(block(top()))
run(top())
