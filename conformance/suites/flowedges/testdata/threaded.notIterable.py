# flow edges (deviation): Threaded over what iter() cannot iterate: the
# original stores the TypeError but never wakes the flow; a chunked
# source's chunk that is not a list raises in the reactor's call (which
# logs it) and the chunk is lost. The outcomes are printed in order once
# all have fired, or the wait is over.
outs = {}
def keep(i):
    def ok(r):
        outs[i] = 'result %r' % (r,)
    def ko(f):
        outs[i] = 'failure %s %s' % (f.type.__name__, f.getErrorMessage())
    return ok, ko
ds = []
for i, source in enumerate([5, 3.5, None, Chunks([5])]):
    d = flow.Deferred(Threaded(source))
    d.addCallbacks(*keep(i))
    ds.append(d)
wait(defer.DeferredList(ds), 0.5)
for i in range(len(ds)):
    print outs.get(i, 'not fired')
