# Python anchor for BENCHMARKS.md "### Protocols": lines/s through a line
# echo server (LineBreak over the connection, each line written back) under
# the original twisted.flow (2009, CPython 2.7) on loopback TCP, as
# lineecho_bench_test.go's BenchmarkLineEcho measures the port. The client
# is a separate process with a blocking socket: one thread pipelines LINES
# 16-byte lines in 64 KiB writes while the main thread reads the echo back.
# Run:
#   PYTHONPATH=<twisted-flow>:<zope> python2.7 echo_lines.py
import warnings
warnings.simplefilter("ignore")
import subprocess, sys
from twisted.flow import flow
from twisted.internet import reactor, protocol

LINE = "0123456789abcde\n"
LINES = 400000
RUNS = 3

CLIENT = r'''
import socket, sys, threading, time
port, lines, line = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] + "\n"
s = socket.create_connection(("127.0.0.1", port))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
block = line * 4096
size = lines * len(line)
def writer():
    left = size
    while left > 0:
        n = min(left, len(block))
        s.sendall(block[:n])
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

def echoLines(conn):
    lines = flow.wrap(flow.LineBreak(conn, delimiter="\n"))
    yield lines
    for line in lines:
        conn.write(line + "\n")
        yield lines

def measure():
    server = protocol.ServerFactory()
    server.protocol = flow.makeProtocol(echoLines)
    port = reactor.listenTCP(0, server, interface="127.0.0.1")
    results = []
    def client():
        p = subprocess.Popen([sys.executable, "-c", CLIENT, str(port.getHost().port),
                              str(LINES), LINE[:-1]], stdout=subprocess.PIPE)
        out = p.communicate()[0]
        results.append(out)
        reactor.callFromThread(reactor.stop)
    reactor.callInThread(client)
    reactor.run()
    got, elapsed = results[0].split()
    assert int(got) == LINES * len(LINE), got
    return LINES / float(elapsed)

# A reactor runs once: each measurement is its own process.
if len(sys.argv) > 1:
    print "%.0f" % measure()
else:
    rates = [float(subprocess.check_output([sys.executable, __file__, "one"]))
             for _ in range(RUNS)]
    print "flow line echo: best %.0f lines/s of %s (%d lines of %d bytes)" % (
        max(rates), rates, LINES, len(LINE))
