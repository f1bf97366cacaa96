# twisted/flow/threads.py Threaded docstring example: a blocking countSleep
# in a thread merged with a cooperative countCooperate, under flow.Deferred.
#
# Deterministic output only: which of "sleep i" and "cooperate j" comes
# first, and so the order of the merged result list, depends on thread
# scheduling and wall-clock time (.3s sleeps against .1s cooperates). So
# the example's two prints go to a log (not printed as they happen), and
# prn prints what does not depend on timing: each count's lines in the
# order they came, the merged results' two subsequences in order, and how
# many results there were. Otherwise verbatim.
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

d = flow.Deferred( flow.Merge(
        Threaded(countSleep(5)),
        countCooperate(5)))

def prn(x):
    # print x (its order depends on timing)
    print [l for l in log if l.startswith("sleep")]
    print [l for l in log if l.startswith("cooperate")]
    print len(x), [v for v in x if isinstance(v, int)]
    print len(x), [v for v in x if isinstance(v, str)]
    reactor.stop()
d.addCallback(prn)
reactor.run()
