# flow edges (deviation): Block over a flow whose Concurrent has only paused
# branches left. Concurrent returns its own CallLater, which Block cannot
# handle: it raises Unsupported, whose constructor itself fails, so a
# TypeError escapes.
def gen():
    yield 'g0'
    yield flow.Cooperate(0.5)
    yield 'g1'
def consumer():
    both = flow.Concurrent(['l0'], gen())
    yield both
    for stage in both:
        yield stage.next()
        yield both
drain(block(consumer()))
