# doc/flow/howto/flow.xhtml "Flow Protocols" (b2b5697a0f^).
# Changed: the server listens on port 0 (an ephemeral port) rather than
# PORT = 8392, and the client connects to the port it got, so that the
# script runs anywhere, in parallel with others.
from twisted.flow import flow
from twisted.internet import protocol, reactor
PORT = 0

def echoServer(conn):
    yield conn
    for data in conn:
        conn.write(data)
        yield conn                                   
    reactor.callLater(0,reactor.stop)

server = protocol.ServerFactory()
server.protocol = flow.makeProtocol(echoServer)
port = reactor.listenTCP(PORT,server)

def echoClient(conn):
    conn.write("Hello World")
    yield conn
    print conn.next()
    conn.write("Another Line")
    yield conn
    print conn.next()

client = protocol.ClientFactory()
client.protocol = flow.makeProtocol(echoClient)
reactor.connectTCP("localhost", port.getHost().port, client)
reactor.run()
