# twisted/flow/test/test_flow.py FlowTest.testProtocolLocalhost (b2b5697a0f^), body verbatim,
# with test_flow.py's echoServer and echoClient helper classes, verbatim.

class echoServer:
    """ a simple echo protocol, server side

        def echoServer(conn):
            yield conn
            for data in conn:
                yield data
                yield conn
    """
    def __init__(self, conn):
        self.conn = conn
    def __iter__(self):
        self.next = self.yield_conn
        return self
    def yield_conn(self):
        self.next = self.yield_data
        return self.conn
    def yield_data(self):
        self.next = self.yield_conn
        return self.conn.next()

class echoClient:
    """ a simple echo client tester

        def echoClient(conn):
            yield "testing"
            yield conn
            # signal that we are done
            conn.d.callback(conn.next())
    """
    def __init__(self, conn):
        self.conn = conn
    def __iter__(self):
        self.next = self.yield_testing
        return self
    def yield_testing(self):
        self.next = self.yield_conn
        return "testing"
    def yield_conn(self):
        self.next = self.yield_stop
        return self.conn
    def yield_stop(self):
        # signal that we are done
        self.conn.factory.d.callback(self.conn.next())
        raise StopIteration()

class FlowTest(TestCase):
    def testProtocolLocalhost(self):
        # this fails if parallel tests are run on the same box
        server = protocol.ServerFactory()
        server.protocol = flow.Protocol
        server.protocol.controller = echoServer
        port = reactor.listenTCP(0, server)
        client = protocol.ClientFactory()
        client.protocol = flow.makeProtocol(echoClient)
        client.d = defer.Deferred()
        reactor.connectTCP("127.0.0.1", port.getHost().port, client)
        client.d.addCallback(self.assertEquals, 'testing')
        client.d.addBoth(lambda x :
                         client.protocol.transport.loseConnection())
        client.d.addBoth(lambda x :
                         defer.maybeDeferred(port.stopListening))
        return client.d
    #testProtocolLocalhost.skip = "XXX freezes, fixme"

run(FlowTest, 'testProtocolLocalhost')
