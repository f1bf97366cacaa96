# Python anchor for BENCHMARKS.md "## flow" / "### Protocols": MB/s through
# the makeProtocol docstring's echo server (twisted.flow 2009, CPython 2.7),
# beside a plain Twisted echo Protocol, on loopback TCP. The client is a
# separate process with a blocking socket: one thread writes SIZE bytes in
# CHUNK-byte writes while the main thread reads the echo back, as
# bench_test.go's BenchmarkEchoProtocol client does. Run:
#   PYTHONPATH=<twisted-flow>:<zope> python2.7 echo_protocol.py
import warnings
warnings.simplefilter("ignore")
import subprocess, sys, time
from twisted.flow import flow
from twisted.internet import reactor, protocol

SIZE = 64 << 20
CHUNK = 32 << 10
RUNS = 3

CLIENT = r'''
import socket, sys, threading, time
port, size, chunk = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
s = socket.create_connection(("127.0.0.1", port))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
buf = "x" * chunk
def writer():
    left = size
    while left > 0:
        n = min(left, chunk)
        s.sendall(buf[:n])
        left -= n
start = time.time()
t = threading.Thread(target=writer)
t.start()
got = 0
while got < size:
    d = s.recv(1 << 16)
    if not d:
        break
    got += len(d)
elapsed = time.time() - start
t.join()
s.close()
print got, elapsed
'''

def echoServer(conn):
    yield conn
    for data in conn:
        conn.write(data)
        yield conn

class Echo(protocol.Protocol):
    def dataReceived(self, data):
        self.transport.write(data)

def measure(proto):
    server = protocol.ServerFactory()
    server.protocol = proto
    port = reactor.listenTCP(0, server, interface="127.0.0.1")
    results = []
    def client():
        p = subprocess.Popen([sys.executable, "-c", CLIENT, str(port.getHost().port),
                              str(SIZE), str(CHUNK)], stdout=subprocess.PIPE)
        out = p.communicate()[0]
        results.append(out)
        reactor.callFromThread(reactor.stop)
    reactor.callInThread(client)
    reactor.run()
    got, elapsed = results[0].split()
    assert int(got) == SIZE, got
    return SIZE / float(elapsed) / 1e6

# A reactor runs once: each measurement is its own process.
if len(sys.argv) > 1:
    proto = {"flow": flow.makeProtocol(echoServer), "plain": Echo}[sys.argv[1]]
    print "%.1f" % measure(proto)
else:
    for name in ("flow", "plain"):
        rates = [float(subprocess.check_output([sys.executable, __file__, name]))
                 for _ in range(RUNS)]
        print "%-6s echo: best %.1f MB/s of %s (%d MiB, %d KiB writes)" % (
            name, max(rates), rates, SIZE >> 20, CHUNK >> 10)
