# flow edges: a Callback read by two flows: the last flow to wait on it
# takes over its wake-up, and gets every value; the first never fires.
cb = flow.Callback()
def reader(name):
    yield cb
    for x in cb:
        print name, x
        yield cb
d1 = outcome(flow.Deferred(reader('one')))
d2 = outcome(flow.Deferred(reader('two')))
cb.result('a')
cb.result('b')
cb.finish()
wait(d1, 0.5)
