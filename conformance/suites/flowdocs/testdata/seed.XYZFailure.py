# The seed: Clark C. Evans, "Re: flow.Zip", Twisted-Python, 23 Apr 2003:
# "If a value is returned from a generator to a wrapper, it is given to the
# previous generator in the chain; at the bottom of the chain it is added
# to an array which is sent to the deferred's callback. Failures are
# handled the same way."
#
# Ours, written from the post: seed.XYZ's chain X -> Y -> Z, where Z fails
# after its second value. Neither Y nor X catches it: the failure travels
# up the chain to X's Deferred, which errbacks, while the other flow under
# the same reactor goes on to its end.
from twisted.internet import reactor, defer
from twisted.flow import flow

def Z():
    for i in range(3):
        if i == 2:
            raise ValueError("Z broke at %d" % i)
        print "Z produces", i
        yield i
        yield flow.Cooperate()

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

def failed(f):
    print "X failed:", f.type.__name__, f.getErrorMessage()
x.addErrback(failed)

def done(results):
    print "results", results
    reactor.stop()
d = defer.DeferredList([x, o])
d.addCallback(done)
reactor.run()
