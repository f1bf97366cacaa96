# flow edges: an iterator failing in its thread fails the flow after the
# values it gave. (The original races here: the failure is set from the
# thread, and may overtake the last value still on its way to the reactor
# thread; the pause before raising keeps the recording deterministic.)
def gen():
    yield 1
    yield 2
    time.sleep(0.2)
    raise ValueError('in thread')
def printer():
    src = Threaded(gen())
    yield src
    for x in src:
        print 'got', x
        yield src
run(printer())
