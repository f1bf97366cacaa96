# twisted/flow/protocol.py makeProtocol() docstring, the echo example (b2b5697a0f^).
# Changed: the server listens on port 0 (an ephemeral port) rather than
# PORT = 8392, and the client connects to the port it got, so that the
# script runs anywhere, in parallel with others. (The __future__ import
# and flow/reactor imports are in the prelude.)
from twisted.internet import reactor, protocol
from twisted.flow import flow
PORT = 0

def echoServer(conn):
    yield conn
    for data in conn:
        conn.write(data)
        yield conn

def echoClient(conn):
    conn.write("hello, world!")
    yield conn
    print "server said: ", conn.next()
    reactor.callLater(0,reactor.stop)

server = protocol.ServerFactory()
server.protocol = flow.makeProtocol(echoServer)
port = reactor.listenTCP(PORT,server)
client = protocol.ClientFactory()
client.protocol = flow.makeProtocol(echoClient)
reactor.connectTCP("localhost", port.getHost().port, client)
reactor.run()
