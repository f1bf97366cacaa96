# The original registers one addBoth(_execute) on a Deferred each time the flow
# yields it unfired, and each replaces the Deferred's result with None.
# flow.Deferred registers one wake-up and leaves the result (PORTING-flow.md).
# Run: PYTHONPATH=<twisted-flow>:<zope> python2.7 deferred_wait.py > deferred_wait.golden
import warnings
warnings.simplefilter("ignore")
from twisted.internet import task, defer
import twisted.flow.base as base
from twisted.flow import flow
clock = task.Clock()
base.reactor = clock
def out(*args):
    print "%.2f" % clock.seconds(), " ".join(repr(a) for a in args)
def branch(name, n, timeout):
    for i in range(n):
        out("step", name, i)
        yield flow.Cooperate(timeout)
        yield "%s%d" % (name, i)
d = defer.Deferred()
clock.callLater(1, d.callback, "v")
f = flow.Deferred(flow.Merge(d, branch('y', 8, 0.25)))
f.addBoth(lambda r: out("result", r))
d.addBoth(lambda r: out("d result", r))
for i in range(20): clock.advance(0.25)
