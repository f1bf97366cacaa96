# flow edges: Threaded over a plain list, read by a generator that yields
# it before each value.
def printer():
    src = Threaded(['x', 'y', 'z'])
    yield src
    for v in src:
        print 'got', v
        yield v.upper()
        yield src
run(printer())
