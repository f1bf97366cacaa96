# flow edges: Block's next() used directly, one value at a time, over a
# consumer that gathers its source's values into one list.
def buildlist(src):
    out = []
    yield src
    for itm in src:
        out.append(itm)
        yield src
    yield out
src = flow.wrap([1, flow.Cooperate(0.25), 2, 3])
print block(buildlist(src)).next()
