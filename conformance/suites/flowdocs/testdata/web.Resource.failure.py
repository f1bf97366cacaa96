# twisted/flow/web.py Resource.render (b2b5697a0f^): a page whose flow
# fails. render's errback prints the traceback (to stderr: not in this
# trace) and its addBoth finishes the request: the client gets status 200
# and what was written, as a complete page.
#
# The page fails after a Cooperate, once having written nothing and once
# having written part of the page; a client in a thread of the reactor's
# pool (httplib) prints the status, the body it read and the error reading
# it, if any.
import httplib

def broken(req):
    if req.args.get("write"):
        req.write("<html><body>partial")
    yield flow.Cooperate(.01)
    raise ValueError("broken page")

# ours: the browser
pages = []
def browse(port, *paths):
    def visit():
        for path in paths:
            conn = httplib.HTTPConnection("127.0.0.1:%d" % port.getHost().port)
            conn.request("GET", path)
            page = conn.getresponse()
            try:
                body, err = page.read(), None
            except Exception, e:
                body, err = "", e.__class__.__name__
            pages.append((path, page.status, body, err))
            conn.close()
        reactor.callFromThread(reactor.stop)
    reactor.callInThread(visit)

from twisted.web.server import Site
from twisted.flow.web import Resource
port = reactor.listenTCP(0,Site(Resource(broken)),interface="127.0.0.1")
browse(port, "/", "/?write=1")
reactor.run()

for path, status, body, err in pages:
    print path, status, repr(body), err
