# doc/flow/howto/flow.xhtml "Threading". The listing's main code is the
# threads.Threaded docstring example (that scenario); this one runs its
# "# # alternatively" variant: the blocking countSleep(5) in a thread and a
# cooperative countCooperate(10), each its own flow.Deferred, joined by a
# DeferredList.
#
# Deterministic output only: the interleaving of "sleep i" and
# "cooperate j" depends on thread scheduling and wall-clock time, so the
# two prints go to a log and each count's lines are printed in their own
# order at the end; each flow's result list is deterministic and printed
# whole. Otherwise verbatim.
from twisted.internet import reactor, defer
from twisted.flow import flow
from twisted.flow.threads import Threaded

log = []   # ours: list.append is atomic under the GIL

def countSleep(index):
    from time import sleep
    for index in range(index):
        sleep(.3)
        log.append("sleep %s" % index)       # print "sleep", index
        yield index

def countCooperate(index):
    for index in range(index):
        yield flow.Cooperate(.1)
        log.append("cooperate %s" % index)   # print "cooperate", index
        yield "coop %s" % index

# # alternatively
d1 = flow.Deferred(Threaded(countSleep(5)))
d2 = flow.Deferred(countCooperate(10))
d = defer.DeferredList([d1,d2])

def prn(x):
    print [l for l in log if l.startswith("sleep")]
    print [l for l in log if l.startswith("cooperate")]
    print x
    reactor.stop()
d.addCallback(prn)
reactor.run()
