# twisted/flow/web.py Resource docstring example (b2b5697a0f^).
#
# The example serves the page on port 8081 until it is stopped, for a
# browser; here it listens on a free loopback port, and a client in a
# thread of the reactor's pool (urllib2) stands in for the browser: it
# fetches the page at / and at a child path (Resource's isLeaf is a method,
# so it is true: the resource is a leaf, and every path under it is the
# page), then stops the reactor; the pages are printed after reactor.run().
# Cooperate(5) is shortened to Cooperate(.1): the prelude's watchdog ends a
# script after 5 seconds. Otherwise verbatim.
import urllib2

def render(req):
    req.write("<html><head><title>Delayed</title></head>")
    req.write("<body><h1>Delayed WebPage</h1>")
    yield flow.Cooperate(.1)
    req.write("<p>Delayed Content</p></body></html>")

# ours: the browser
pages = []
def browse(port, *paths):
    def visit():
        for path in paths:
            page = urllib2.urlopen("http://127.0.0.1:%d%s" % (port.getHost().port, path))
            pages.append((path, page.getcode(), page.info().gettype(), page.read()))
        reactor.callFromThread(reactor.stop)
    reactor.callInThread(visit)

if __name__=='__main__':
    from twisted.internet import reactor
    from twisted.web.server import Site
    from twisted.flow.web import Resource
    # print "visit http://localhost:8081/ to view"
    port = reactor.listenTCP(0,Site(Resource(render)),interface="127.0.0.1")
    browse(port, "/", "/some/child?x=1")
    reactor.run()

for path, code, ctype, body in pages:
    print path, code, ctype
    print body
