# flow edges: next() on a stage that was never yielded raises
# NotReadyError, except for a string, whose one result is there from the
# start.
def gen():
    yield 1
for src in ([1, 2], gen(), 'abc'):
    try:
        print repr(flow.wrap(src).next())
    except flow.NotReadyError, e:
        raised(e)
