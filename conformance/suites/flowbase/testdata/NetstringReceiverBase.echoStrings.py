# Ours: a flow protocol on a NetstringReceiver base (makeProtocol(
# controller, basic.NetstringReceiver, 'stringReceived')): the flow reads
# the netstrings' payloads and writes netstrings back.
def shout(conn):
    yield conn
    for s in conn:
        yield '%d:%s,' % (len(s), s.upper())
        yield conn


class StringClient(basic.NetstringReceiver):
    def connectionMade(self):
        self.strings = []
        self.transport.write("5:hello,3:a")
        self.transport.write("bc,0:,")

    def stringReceived(self, s):
        self.strings.append(s)
        if len(self.strings) == 3:
            self.transport.loseConnection()


class NetstringReceiverBase(unittest.TestCase):
    def test_echoStrings(self):
        server = flow.makeProtocol(shout, basic.NetstringReceiver, 'stringReceived')()
        client = StringClient()
        d = loopback.loopbackAsync(server, client)
        d.addCallback(lambda _: self.assertEqual(client.strings, ['HELLO', 'ABC', '']))
        return d

run(NetstringReceiverBase, 'test_echoStrings')
