# The seed: Clark C. Evans, "Re: flow.Zip", Twisted-Python, 23 Apr 2003,
# on its own example: "in one of your generators
# (Threaded(QueryIterator())), your code would block waiting for a row ...
# So rather than blocking, Threaded returns Cooperate. This return value is
# handled by the wrappers all the way up the call chain."
#
# Ours, written from the post: X -> Y -> Threaded(Z), Z a blocking
# producer (half a second per value) run in a thread, and another flow
# running meanwhile under the same reactor. While the chain waits on the
# thread, the other flow runs to its end; then the chain takes each value
# as the thread hands it over. The half-second pauses keep the order of the
# lines far from any scheduling noise.
from twisted.internet import reactor, defer
from twisted.flow import flow
from twisted.flow.threads import Threaded
from time import sleep

def Z():
    for i in range(3):
        sleep(.5)                # blocks: this runs in a thread
        print "Z produces", i
        yield i

def Y():
    z = flow.wrap(Threaded(Z()))
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
    for c in ["a", "b", "c"]:
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
