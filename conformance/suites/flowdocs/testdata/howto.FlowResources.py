# doc/flow/howto/flow.xhtml "Flow Resources" (b2b5697a0f^).
#
# The listing serves FlowResource(flowRender) on port 8081 and asks for two
# browsers viewing the page at once; here it listens on a free loopback
# port, and two clients in threads of the reactor's pool (urllib2) fetch
# ?count=3 and ?count=5 at the same time; the last one done stops the
# reactor, and the pages are printed after reactor.run(), in the order
# asked for.
#
# Deterministic output only: cooperative's `from random import random` is
# replaced by a fixed sequence (each page has its own, from the start: with
# one shared sequence, which page gets which value depends on timing), and
# its Cooperate(val) pauses are these values. That the two pages are
# produced at the same time is not printed here (the interleaving depends on
# when the requests arrive); the Go tests check it deterministically
# (twisted/flow/web_test.go). Otherwise verbatim.
from twisted.internet import reactor
from twisted.web import server, resource
from twisted.flow import flow
import urllib2

def fixedRandom():
    # ours: random() as a fixed sequence
    values = iter([0.0104729, 0.0213347, 0.0301419, 0.0112358, 0.0271828])
    return lambda: next(values)

def cooperative(count):
    """ simulate a cooperative resource, that not block """
    random = fixedRandom()   # from random import random
    idx = 0
    while idx < count:
        val = random()
        yield flow.Cooperate(val)
        yield str(val)[-5:]
        idx += 1

def flowRender(req):
    count = int(req.args.get("count",["30"])[0])
    req.write("<html><body>")
    req.write(" %s Random numbers: <ol>\n" % count)
    source = flow.wrap(cooperative(count))
    yield source
    for itm in source:
        req.write("<li>%s</li>\n" % itm)
        yield source
    req.write("</ol></body></html>\n")

class FlowResource(resource.Resource):
    def __init__(self, gen):
        resource.Resource.__init__(self)
        self.gen = gen
    def isLeaf(self): return true
    def render(self, req):
        self.d = flow.Deferred(self.gen(req))
        self.d.addCallback(lambda _: req.finish())
        return server.NOT_DONE_YET

# ours: the two browsers
pages = {}
def browse(port, *paths):
    def visit(path):
        page = urllib2.urlopen("http://127.0.0.1:%d%s" % (port.getHost().port, path))
        pages[path] = page.read()
        if len(pages) == len(paths):
            reactor.callFromThread(reactor.stop)
    for path in paths:
        reactor.callInThread(visit, path)

# print "visit http://localhost:8081/ to view the example"
root = FlowResource(flowRender)
site = server.Site(root)
port = reactor.listenTCP(0,site,interface="127.0.0.1")
browse(port, "/?count=3", "/?count=5")
reactor.run()

for path in ["/?count=3", "/?count=5"]:
    print path
    print pages[path],
