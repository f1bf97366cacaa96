# twisted/flow/base.py Stage docstring, third usage listing (a fragment with
# placeholders): with chunked set, next() returns all the results gathered
# so far as one list. Ours: DerivedStage is flow.wrap of a list, whose
# stage gathers every value up to a Cooperate in one _yield; the loop is
# the listing's, each chunk printed.
def consumer():
    iterable = flow.wrap([1, 2, 3, flow.Cooperate(), 4, 5])
    iterable.chunked = True
    yield iterable
    for results in iterable:
        print "chunk", results
        for result in results:
            # handle good result
            yield result
        yield iterable

print list(flow.Block(consumer))
