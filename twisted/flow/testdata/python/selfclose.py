# A generator wrapped by flow.wrap that ends its own stage from inside and
# goes on, under flow.Map and flow.Deferred (Twisted at b2b5697a0f^, 2009;
# see selfclose_test.go). The 2009 Stage has no close() (Stage.Close is a Go
# addition): the two ways a generator can end its own stage from inside
# are its generator's close() and the stage's stop flag. Run:
#   PYTHONPATH=<twisted-2009>:<zope.interface-3.6.7/src> python2.7 selfclose.py > selfclose.golden
from twisted.flow import flow
from twisted.internet import task

def run(name, end):
    trace = []
    clock = task.Clock()
    box = {}
    def gen():
        try:
            yield 1
            yield flow.Cooperate(1)
            try:
                end(box['s'])
            except Exception, e:
                trace.append('close raised %s: %s' % (e.__class__.__name__, e))
            trace.append('close')
            yield 2
            trace.append('after 2')
        finally:
            trace.append('closed')
    box['s'] = s = flow.wrap(gen())
    def f(x):
        trace.append('f%r' % (x,))
        return x
    out = []
    # flow.Deferred's Cooperate uses the global reactor's callLater: use the clock
    from twisted.internet import reactor
    orig = reactor.callLater
    reactor.callLater = clock.callLater
    try:
        d = flow.Deferred(flow.Map(f, s))
        for i in range(5):
            if d.called:
                break
            clock.advance(1)
    finally:
        reactor.callLater = orig
    d.addBoth(out.append)
    print '%s: called=%s result=%r trace=%r' % (name, d.called, out and out[0], trace)

def genclose(s):
    s._iterable.close()

def stopflag(s):
    s.stop = True

run('generator close', genclose)
run('stage stop', stopflag)
