# flow edges: Concurrent gives the branch stages themselves as they have
# results; the consumer reads one value with next() per round. A branch
# that stopped in the round it was given is dropped: the list's second
# value is never seen.
def gen():
    yield 'g0'
    yield flow.Cooperate()
    yield 'g1'
def consumer():
    names = {}
    a = flow.wrap(['l0', 'l1'])
    b = flow.wrap(gen())
    names[id(a)] = 'list'
    names[id(b)] = 'gen'
    both = flow.Concurrent(a, b)
    yield both
    for stage in both:
        yield (names[id(stage)], stage.next())
        yield both
run(consumer())
