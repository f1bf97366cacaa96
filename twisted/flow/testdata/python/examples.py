# The docstring and howto examples of twisted.flow (2009, b2b5697a0f^), with
# printFlow run on a task.Clock in place of the reactor; the Go Example
# functions print the same. Run:
#   PYTHONPATH=<twisted-flow>:<zope> python2.7 examples.py > examples.golden
import warnings
warnings.simplefilter("ignore")
from twisted.internet import task, defer
import twisted.flow.base as base
from twisted.flow import flow

clock = task.Clock()
base.reactor = clock

def printFlow(source):
    def printer(source):
        source = flow.wrap(source)
        while True:
            yield source
            print source.next()
    d = flow.Deferred(printer(source))
    while not d.called:
        clock.advance(0.5)

print "== flow"
printFlow(["one", flow.Cooperate(1), "two"])

print "== wrap"
printFlow("string")
printFlow(["one", flow.Cooperate(1), "two"])
def source():
    yield "aeye"
    yield flow.Cooperate()
    yield "capin"
printFlow(source)
d = defer.Deferred()
clock.callLater(1, lambda: d.callback("howdy"))
printFlow(d)

print "== Map"
def fn(val):
    return val + 10
printFlow(flow.Map(fn, range(4)))

print "== Zip"
printFlow(flow.Zip([1, flow.Cooperate(), 2, 3], ["one", "two"]))

print "== Filter"
def odd(val):
    if val % 2:
        return True
def rng():
    yield 1
    yield 2
    yield 3
    yield 4
printFlow(flow.Filter(odd, rng))

print "== Callback"
source = flow.Callback()
clock.callLater(0, lambda: source.result("one"))
clock.callLater(.5, lambda: source.result("two"))
clock.callLater(1, lambda: source.finish())
printFlow(source)

print "== howto: Introducing Flow"
def Counter(count):
    while count > 0:
        yield count
        count -= 1
def Consumer():
    producer = flow.wrap(Counter(3))
    yield producer
    for result in producer:
        if 2 != result:
            yield result
        yield producer
print list(flow.Block(Consumer))

print "== howto: Handling failures"
def Producer(throw):
    yield 1
    yield 2
    raise throw
    yield 3
def Consumer(producer):
    producer = flow.wrap(producer, IOError)
    yield producer
    try:
        for result in producer:
            if result is IOError:
                # handle trapped error
                yield "trapped"
            else:
                yield result
            yield producer
    except AssertionError, err:
        # handle assertion error
        yield str(err)
print list(flow.Block(Consumer(Producer(IOError("trap")))))
print list(flow.Block(Consumer(Producer(AssertionError("notrap")))))

print "== howto: Cooperate"
def gen():
    yield 'immediate'
    yield flow.Cooperate(2)
    yield 'delayed'
b = flow.Block(gen)
b.block = lambda t: None
for x in b:
   print x

print "== howto: Merge and Zip"
def Right():
    yield "one"
    yield "two"
    yield flow.Cooperate()
    yield "three"
def Left():
    yield 1
    yield 2
    yield 3
print "Zip", list(flow.Block(flow.Zip(Right,Left)))
print "Merge", list(flow.Block(flow.Merge(Right,Left)))

print "== howto: Deferred Flow"
def request(name):
    print name, ": Step One"
    yield flow.Cooperate()
    print name, ": Step Two"
james = flow.Deferred(request("James"))
wendy = flow.Deferred(request("Wendy"))
while not (james.called and wendy.called):
    clock.advance(0)
print "done"
