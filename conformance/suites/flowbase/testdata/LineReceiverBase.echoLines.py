# Ours: a flow protocol on a LineReceiver base (makeProtocol(controller,
# basic.LineReceiver, 'lineReceived')): the flow reads lines, whatever
# the chunks they arrive in, and writes its results back.
def echoLines(conn):
    yield conn
    for line in conn:
        yield line.upper() + '\r\n'
        yield conn


class LineReceiverBase(unittest.TestCase):
    def test_echoLines(self):
        server = flow.makeProtocol(echoLines, basic.LineReceiver, 'lineReceived')()
        client = LineClient(["one\r\ntw", "o\r\nthree\r", "\n"], 3)
        d = loopback.loopbackAsync(server, client)
        d.addCallback(lambda _: self.assertEqual(client.lines, ['ONE', 'TWO', 'THREE']))
        return d

run(LineReceiverBase, 'test_echoLines')
