# twisted/flow/test/test_flow.py FlowTest.testProtocol (b2b5697a0f^), body verbatim;
# test_flow.py's echoServer and echoClient helper classes come from the
# prelude, which imports test_flow.py.

class FlowTest(TestCase):
    def testProtocol(self):
        from twisted.protocols import loopback
        server = flow.Protocol()
        server.controller = echoServer
        client = flow.makeProtocol(echoClient)()
        client.factory = protocol.ClientFactory()
        client.factory.d = defer.Deferred()
        d2 = loopback.loopbackAsync(server, client)
        client.factory.d.addCallback(self.assertEquals, 'testing')
        return defer.gatherResults([client.factory.d, d2])

run(FlowTest, 'testProtocol')
