# twisted/flow/base.py Stage docstring, fourth usage listing (a fragment
# with placeholders): the results, stop and failure members used directly,
# in the order the docstring calls critical. Ours: SomeStage is flow.wrap
# of a generator that produces two values, cooperates, produces a third,
# then raises ValueError; the loop is the listing's, printing what it
# handles.
def source():
    yield "a"
    yield "b"
    yield flow.Cooperate()
    yield "c"
    raise ValueError("bad row")

def consumer():
    iterable = flow.wrap(source())
    while True:
        yield iterable
        if iterable.results:
            for result in iterable.results:
                # handle good result
                print "result", result
            iterable.results = []
        if iterable.stop:
            print "stop"
            break
        if iterable.failure:
            iterable.stop = True
            # handle iterable.failure
            print "failure", repr(iterable.failure.value)
            break

print list(flow.Block(consumer))
