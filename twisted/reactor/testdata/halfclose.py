"""Record how Twisted 22.4's TCP transport half-closes, for tcp_halfclose_test.go.

Each scenario serves one connection with a protocol that records its events,
on a real reactor (the default: epoll), to a peer that is a plain blocking
socket (receive buffer 4 KiB) in a thread, and prints one JSON line: the
scenario's name, the protocol's events in order, and what the peer read.

Events: "data N" (dataReceived of N bytes), "readConnectionLost",
"writeConnectionLost", "connectionLost <reason's class>", the producer's
"pauseProducing", "resumeProducing", "stopProducing", and "<method>
returned" after a call the scenario makes, which shows whether
connectionLost ran inside it. "quiet" marks that nothing happened for QUIET
seconds; the scenario then acts (usually loseConnection, which is what
IHalfCloseableProtocol leaves to the protocol).

The peer's line is "read N ending TAIL, EOF" (TAIL: the last 8 bytes) or
"error <exception class>".

Run with Debian's python3-twisted, from / or /tmp:
    /usr/bin/python3 halfclose.py > halfclose.golden.jsonl
"""
import json
import socket
import sys
import threading
import time

from zope.interface import implementer

from twisted.internet import defer, interfaces, protocol, reactor
from twisted.python import log

QUIET = 0.5
BIG = 4 << 20  # more than a peer with a 4 KiB buffer takes at once
HUGE = 32 << 20  # more than the kernel's buffers hold


class Recorder(protocol.Protocol):
    """Not half-closeable."""

    def __init__(self, s):
        self.s = s

    def connectionMade(self):
        self.s.proto = self
        self.s.on("made")

    def dataReceived(self, data):
        self.s.ev("data %d" % len(data))
        self.s.on("data")

    def connectionLost(self, reason):
        self.s.ev("connectionLost " + reason.type.__name__)
        self.s.lost.set()


@implementer(interfaces.IHalfCloseableProtocol)
class HalfCloseable(Recorder):
    def readConnectionLost(self):
        self.s.ev("readConnectionLost")
        self.s.on("readLost")

    def writeConnectionLost(self):
        self.s.ev("writeConnectionLost")
        self.s.on("writeLost")


@implementer(interfaces.IPushProducer)
class Producer:
    def __init__(self, s):
        self.s = s

    def pauseProducing(self):
        self.s.ev("pauseProducing")

    def resumeProducing(self):
        self.s.ev("resumeProducing")
        self.s.on("resume")

    def stopProducing(self):
        self.s.ev("stopProducing")


class Scenario:
    def __init__(self, name, cls, peer, **actions):
        self.name, self.cls, self.peer, self.actions = name, cls, peer, actions
        self.events, self.peer_log = [], []
        self.lost = threading.Event()
        self.proto = None

    def ev(self, e):
        self.events.append(e)

    def on(self, what):
        a = self.actions.get(what)
        if a:
            a(self, self.proto.transport)

    def quiet(self):
        n = len(self.events)

        def check():
            if len(self.events) == n and not self.lost.is_set():
                self.ev("quiet")
                self.on("quiet")

        reactor.callLater(QUIET, check)


def in_reactor(f):
    done = threading.Event()

    def g():
        f()
        done.set()

    reactor.callFromThread(g)
    done.wait()


def run_peer(s, port):
    c = socket.socket()
    c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    c.connect(("127.0.0.1", port))
    try:
        s.peer(s, c)
    except Exception as e:
        s.peer_log.append("error " + type(e).__name__)
    finally:
        c.close()


def read_all(s, c):
    n, tail = 0, b""
    while True:
        d = c.recv(65536)
        if not d:
            break
        n += len(d)
        tail = (tail + d)[-8:]
    s.peer_log.append("read %d ending %s, EOF" % (n, tail.decode()))


# The peers.


def send_shut_read(s, c):
    """Sends hello, half-closes, reads to the end."""
    c.sendall(b"hello")
    c.shutdown(socket.SHUT_WR)
    read_all(s, c)


def read_send_shut(s, c):
    """Reads to the end, sends after, half-closes; closes once the server is lost."""
    read_all(s, c)
    c.sendall(b"after")
    c.shutdown(socket.SHUT_WR)
    s.lost.wait()


def read(s, c):
    """Reads to the end; closes once the server is lost."""
    read_all(s, c)
    s.lost.wait()


def never_read(s, c):
    s.lost.wait()


def shut_then_resume(s, c):
    """Sends hello, half-closes, resumes the paused transport, reads."""
    c.sendall(b"hello")
    c.shutdown(socket.SHUT_WR)
    time.sleep(QUIET)
    in_reactor(s.resume)
    read_all(s, c)


def shut_nothing_then_resume(s, c):
    c.shutdown(socket.SHUT_WR)
    time.sleep(QUIET)
    in_reactor(s.resume)
    read_all(s, c)


def shut_close_then_write(s, c):
    """Sends hello, half-closes, then closes; then the server writes."""
    c.sendall(b"hello")
    c.shutdown(socket.SHUT_WR)
    time.sleep(QUIET)
    c.close()
    time.sleep(QUIET)
    in_reactor(s.write_later)
    s.lost.wait()


# The protocol's actions.


def write_big_lose(s, t):
    t.write(b"x" * BIG + b"tail")
    t.loseConnection()


def write_big_lose_write(s, t):
    t.write(b"x" * BIG)
    t.loseWriteConnection()
    t.write(b"tail")  # before the half-close: sent


def write_dropped(s, t):
    t.write(b"dropped!")  # after the half-close: dropped


def lose(s, t):
    t.loseConnection()
    s.ev("loseConnection returned")


def abort(s, t):
    t.abortConnection()
    s.ev("abortConnection returned")


def quiet(s, t):
    s.quiet()


def raise_(s, t):
    raise ValueError("boom")


def write_small_lose_write(s, t):
    t.write(b"x" * 10)
    t.loseWriteConnection()


def lose_write_twice(s, t):
    t.write(b"x" * BIG)
    t.loseWriteConnection()
    t.loseWriteConnection()


def lose_write_again(s, t):
    t.loseWriteConnection()
    s.ev("loseWriteConnection returned")
    s.quiet()


def lose_write_then_lose(s, t):
    t.write(b"x" * BIG)
    t.loseWriteConnection()
    lose(s, t)


def lose_write_then_abort(s, t):
    t.write(b"x" * BIG)
    t.loseWriteConnection()
    abort(s, t)


def paused_producer_lose_write(s, t):
    t.registerProducer(Producer(s), True)
    t.write(b"x" * BIG)  # pauses the producer
    t.loseWriteConnection()
    s.ev("loseWriteConnection returned")


def unregister(s, t):
    t.unregisterProducer()
    s.ev("unregisterProducer returned")


def unregister_quiet(s, t):
    unregister(s, t)
    s.quiet()


def write_more_unregister(s, t):
    t.write(b"more")
    unregister(s, t)


def producer_lose_write(s, t):
    t.registerProducer(Producer(s), True)
    write_small_lose_write(s, t)


def pause_reading(s, t):
    t.pauseProducing()
    s.ev("paused")

    def resume():
        s.ev("resume")
        t.resumeProducing()

    s.resume = resume


def huge_lose_write_quiet(s, t):
    t.write(b"x" * HUGE)
    t.loseWriteConnection()
    s.quiet()


def write_later(s, t):
    def w():
        s.ev("write")
        t.write(b"x" * BIG)
        s.quiet()

    s.write_later = w


def lose_with_data(s, t):
    write_big_lose(s, t)
    s.ev("loseConnection returned")


SCENARIOS = [
    Scenario("peer half-closes, protocol writes then loses", HalfCloseable, send_shut_read,
             readLost=write_big_lose),
    Scenario("peer half-closes, protocol does nothing", HalfCloseable, send_shut_read,
             readLost=quiet, quiet=lose),
    Scenario("peer half-closes, not half-closeable", Recorder, send_shut_read),
    Scenario("loseWriteConnection with data pending", HalfCloseable, read_send_shut,
             made=write_big_lose_write, writeLost=write_dropped, readLost=quiet, quiet=lose),
    Scenario("loseWriteConnection with data pending, not half-closeable", Recorder, read_send_shut,
             made=write_big_lose_write),
    Scenario("peer half-closes, then protocol loseWriteConnection", HalfCloseable, send_shut_read,
             readLost=write_big_lose_write, writeLost=quiet, quiet=lose),
    Scenario("loseWriteConnection twice, then again after", HalfCloseable, read,
             made=lose_write_twice, writeLost=lose_write_again, quiet=lose),
    Scenario("loseConnection after loseWriteConnection, data pending", HalfCloseable, read,
             made=lose_write_then_lose),
    Scenario("loseConnection after writeConnectionLost", HalfCloseable, read,
             made=write_small_lose_write, writeLost=lose),
    Scenario("abortConnection after loseWriteConnection, data pending", HalfCloseable, read,
             made=lose_write_then_abort),
    Scenario("abortConnection after writeConnectionLost", HalfCloseable, read,
             made=write_small_lose_write, writeLost=abort),
    Scenario("readConnectionLost raises", HalfCloseable, send_shut_read,
             readLost=raise_),
    Scenario("writeConnectionLost raises", HalfCloseable, read,
             made=write_small_lose_write, writeLost=raise_),
    Scenario("paused producer, loseWriteConnection, resumed producer writes nothing", HalfCloseable, read,
             made=paused_producer_lose_write, resume=quiet, quiet=lose),
    Scenario("paused producer, loseWriteConnection, resumed producer unregisters", HalfCloseable, read,
             made=paused_producer_lose_write, resume=unregister_quiet, quiet=lose),
    Scenario("paused producer, loseWriteConnection, resumed producer writes and unregisters", HalfCloseable, read,
             made=paused_producer_lose_write, resume=write_more_unregister, writeLost=quiet, quiet=lose),
    Scenario("producer not paused, loseWriteConnection", HalfCloseable, read,
             made=producer_lose_write, writeLost=quiet, quiet=lose),
    Scenario("peer half-closes while reading is paused", HalfCloseable, shut_then_resume,
             made=pause_reading, readLost=write_big_lose),
    Scenario("peer half-closes while reading is paused, no data", Recorder, shut_nothing_then_resume,
             made=pause_reading),
    Scenario("peer never reads after loseWriteConnection", HalfCloseable, never_read,
             made=huge_lose_write_quiet, quiet=abort),
    Scenario("peer closes after its half-close, protocol writes", HalfCloseable, shut_close_then_write,
             readLost=write_later, quiet=lose),
    Scenario("loseConnection with data pending, then the peer half-closes", Recorder, send_shut_read,
             data=lose_with_data),
    Scenario("loseConnection with data pending, then the peer half-closes, half-closeable", HalfCloseable,
             send_shut_read, data=lose_with_data),
]


@defer.inlineCallbacks
def run(s):
    f = protocol.Factory()
    f.protocol = lambda: s.cls(s)
    port = reactor.listenTCP(0, f, interface="127.0.0.1")
    peer = threading.Thread(target=run_peer, args=(s, port.getHost().port))
    peer.start()
    deadline = time.time() + 20
    while (not s.lost.is_set() or peer.is_alive()) and time.time() < deadline:
        d = defer.Deferred()
        reactor.callLater(0.05, d.callback, None)
        yield d
    if not s.lost.is_set():
        s.ev("TIMEOUT")
    yield port.stopListening()
    print(json.dumps({"scenario": s.name, "events": s.events, "peer": s.peer_log}))
    sys.stdout.flush()


@defer.inlineCallbacks
def main():
    for s in SCENARIOS:
        yield run(s)
    reactor.stop()


log.startLogging(sys.stderr, setStdout=False)  # raised exceptions go there
reactor.callWhenRunning(main)
reactor.run()
