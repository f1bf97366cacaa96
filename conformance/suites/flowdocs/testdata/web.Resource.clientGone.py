# twisted/flow/web.py Resource.render (b2b5697a0f^): a client that goes
# away in the middle of a page. The original has no cancellation: the flow
# runs to its end, writing to a closed connection.
#
# The page writes its first line, then waits for the client (a thread of
# the reactor's pool, httplib) to read that line and close its connection;
# then it writes 20 more lines, a Cooperate(.05) apart (time enough for the
# server to see the client gone). Its finally clause stops the reactor.
import httplib

log = []   # ours: what the client and the page did, in order

def render(req):
    try:
        req.write("<html><body>\n")
        yield clientGone
        for i in range(20):
            yield flow.Cooperate(.05)
            req.write("<p>%d</p>\n" % i)
        log.append("render: wrote the page to its end")
    finally:
        log.append("render: closed")
        reactor.callLater(0, reactor.stop)

clientGone = defer.Deferred()

# ours: the browser
def browse(port, path):
    def visit():
        conn = httplib.HTTPConnection("127.0.0.1:%d" % port.getHost().port)
        conn.request("GET", path)
        page = conn.getresponse()
        log.append("client: read %r" % page.read(len("<html><body>\n")))
        conn.close()
        page.close()
        log.append("client: gone")
        reactor.callFromThread(clientGone.callback, None)
    reactor.callInThread(visit)

from twisted.web.server import Site
from twisted.flow.web import Resource
port = reactor.listenTCP(0,Site(Resource(render)),interface="127.0.0.1")
browse(port, "/")
reactor.run()

for line in log:
    print line
