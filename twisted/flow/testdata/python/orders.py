# Orderings of twisted.flow (2009, b2b5697a0f^) that depend on the wake-ups
# the controllers register. flow.base's reactor is replaced by a task.Clock,
# so that Cooperate timing is deterministic; each event prints with the
# clock's time. Run (see ../../PORTING-flow.md):
#   PYTHONPATH=<twisted-flow>:<zope> python2.7 orders.py > orders.golden
import warnings
warnings.simplefilter("ignore")
from twisted.internet import task, defer
import twisted.flow.base as base
from twisted.flow import flow

clock = task.Clock()
base.reactor = clock

def out(*args):
    print "%.2f" % clock.seconds(), " ".join(repr(a) for a in args)

def run(name, stage, *trap):
    print "==", name
    d = flow.Deferred(stage, *trap)
    d.addBoth(lambda r: out("result", r))
    for i in range(200):
        if d.called:
            break
        clock.advance(0.25)

def branch(name, n, timeout):
    for i in range(n):
        out("step", name, i)
        yield flow.Cooperate(timeout)
        yield "%s%d" % (name, i)

run("merge-same", flow.Merge(branch('a', 3, 0), branch('b', 3, 0)))
run("merge-timeouts", flow.Merge(branch('a', 3, 1), branch('b', 3, 0.5)))
run("zip-timeouts", flow.Zip(branch('a', 2, 1), branch('b', 3, 0.5)))
run("merge-three", flow.Merge(branch('a', 2, 0), [1, flow.Cooperate(0.5), 2], branch('c', 2, 0.25)))

def consumer(stage):
    stage = flow.wrap(stage)
    yield stage
    for v in stage:
        out("got", v)
        yield v
        yield flow.Cooperate(0.5)
        yield stage

run("consumer-merge", consumer(flow.Merge(branch('a', 2, 0), branch('b', 2, 1))))

def concur():
    a = flow.wrap(branch('a', 2, 0.5))
    b = flow.wrap(branch('b', 2, 0.25))
    both = flow.Concurrent(a, b)
    yield both
    for s in both:
        out("ready", s is a and 'a' or 'b')
        yield s.next()
        yield both
run("concurrent", concur())

def waiter(d):
    out("waiting")
    yield d
    out("fired")
    yield "after"
d1 = defer.Deferred()
clock.callLater(1, d1.callback, "one")
run("deferred-yield", flow.Merge(waiter(d1), branch('x', 3, 0.5)))
d2 = defer.Deferred()
clock.callLater(1, d2.callback, "two")
run("deferred-wrap", flow.Merge(d2, branch('y', 2, 0.75)))

def failing():
    yield 1
    yield flow.Cooperate(0.5)
    raise IOError("late")
run("merge-failure", flow.Merge(failing(), branch('z', 3, 0.25)))
run("merge-trap", flow.Merge(failing(), branch('z', 3, 0.25)), IOError)

cb = flow.Callback()
clock.callLater(0.5, cb.result, "p")
clock.callLater(1.0, cb.result, "q")
clock.callLater(1.5, cb.finish)
run("callback-merge", flow.Merge(cb, branch('w', 3, 0.5)))

def rootgen():
    out("start")
    yield 1
    yield 2
    yield flow.Cooperate(0.5)
    out("after coop")
    yield 3
    d = defer.Deferred()
    clock.callLater(1, d.callback, 'x')
    yield d
    out("after d")
    s = flow.wrap(['a', flow.Cooperate(0.25), 'b'])
    yield s
    out("got", s.next())
    yield 4
    yield s
    out("got", s.next())
    raise IOError("end")
run("root-gen", rootgen(), IOError)
run("root-gen-fail", rootgen())
