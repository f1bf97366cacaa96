# Ours: the base a flow protocol extends is a LineReceiver subclass with
# its own delimiter and MAX_LENGTH: a line too long ends the connection
# (LineReceiver's lineLengthExceeded), and the flow finishes.
def countLines(conn):
    n = 0
    yield conn
    for line in conn:
        n += 1
        yield '%d %s\n' % (n, line)
        yield conn
    print('flow done after', n)


class ShortLines(basic.LineReceiver):
    delimiter = '\n'
    MAX_LENGTH = 5


class LineReceiverBase(unittest.TestCase):
    def test_subclassAttributes(self):
        server = flow.makeProtocol(countLines, ShortLines, 'lineReceived')()
        client = LineClient(["ab\n", "cd\ntoo long for it\nef\n"], 99)
        client.delimiter = '\n'
        d = loopback.loopbackAsync(server, client)
        d.addCallback(lambda _: self.assertEqual(client.lines, ['1 ab', '2 cd']))
        return d

run(LineReceiverBase, 'test_subclassAttributes')
