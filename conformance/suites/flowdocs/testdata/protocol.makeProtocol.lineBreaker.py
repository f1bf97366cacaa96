# twisted/flow/protocol.py makeProtocol() docstring, the line-breaking echo
# example (b2b5697a0f^): its lineBreaker, echoServer and echoClient, run
# with the first example's setup ("the code is almost identical as far as
# the client/server is concerned").
# Changed: the last chunk is put on hold for DELAY = 0.1 seconds rather
# than 2, to keep the run short (the order of events is the same); the
# server listens on port 0 (an ephemeral port) rather than PORT = 8392,
# and the client connects to the port it got.
from twisted.internet import reactor, protocol
from twisted.flow import flow
PORT = 0
DELAY = 0.1

# this is a filter generator, it consumes from the
# incoming connection, and yields results to
# the next stage, the echoServer below
def lineBreaker(conn, lineEnding = "\n"):
    lst = []
    yield conn
    for chunk in conn:
       pos = chunk.find(lineEnding)
       if pos > -1:
           lst.append(chunk[:pos])
           yield "".join(lst)
           lst = [chunk[pos+1:]]
       else:
           lst.append(chunk)
       yield conn
    yield "".join(lst)

# note that this class is only slightly modified,
# simply comment out the line breaker line to see
# how the server behaves without the filter...
def echoServer(conn):
    lines = flow.wrap(lineBreaker(conn))
    yield lines
    for data in lines:
        conn.write(data)
        yield lines

# and the only thing that is changed is that we
# are sending data in strange chunks, and even
# putting the last chunk on hold for 2 seconds.
def echoClient(conn):
    conn.write("Good Morning!\nPlease ")
    yield conn
    print "server said: ", conn.next()
    conn.write("do not disregard ")
    reactor.callLater(DELAY, conn.write, "this.\n")
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
