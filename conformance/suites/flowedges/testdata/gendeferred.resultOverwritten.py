# flow edges (deviation): waiting on the user's Deferred adds the flow's
# resume callback to it, which returns None: a callback the user adds
# afterwards sees None instead of the result.
d = defer.Deferred()
def gen():
    yield 1
    yield d
    yield 2
flowd = outcome(flow.Deferred(gen()))
def show(r):
    print 'user callback got', repr(r)
d.callback('precious')
d.addCallback(show)
