# flow edges (deviation): Threaded over an object whose __iter__ raises:
# the failure is stored but nothing wakes the flow: it never fires.
class Broken:
    def __iter__(self):
        raise IOError('no iterator')
d = outcome(flow.Deferred(Threaded(Broken())))
wait(d, 0.5)
