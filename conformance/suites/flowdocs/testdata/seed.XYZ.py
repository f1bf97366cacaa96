# The seed: Clark C. Evans, "Re: flow.Zip", Twisted-Python, 23 Apr 2003:
# "Suppose you have generator X -> Y -> Z ... each of your generators is
# talking to a wrapper instead ... When Cooperate is returned from a
# generator, it is sent all the way down the Wrapper linked list so that
# the reactor can re-schedule the processing chain (micro-thread)."
#
# Ours, written from the post: three generators, each wrapping the next;
# the bottom one, Z, a slow producer that cooperates after every value.
# Another flow runs meanwhile under the same reactor; the trace shows the
# two chains taking turns at each Cooperate, then both results.
from twisted.internet import reactor, defer
from twisted.flow import flow

def Z():
    for i in range(3):
        print "Z produces", i
        yield i
        yield flow.Cooperate()   # would block: let the others run

def Y():
    z = flow.wrap(Z())
    yield z
    for v in z:
        print "Y got", v
        yield v * 10
        yield z

def X():
    y = flow.wrap(Y())
    yield y
    for v in y:
        print "X got", v
        yield v + 1
        yield y

def other():
    for c in ["a", "b", "c", "d"]:
        print "other", c
        yield c
        yield flow.Cooperate()

x = flow.Deferred(X())
o = flow.Deferred(other())
print "both started"

def done(results):
    print "results", results
    reactor.stop()
d = defer.DeferredList([x, o])
d.addCallback(done)
reactor.run()
