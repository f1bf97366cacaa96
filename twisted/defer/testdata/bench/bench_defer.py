"""Python anchors for twisted/defer's benchmarks (BENCHMARKS.md, ## deferred).

Run with Debian's Twisted on CPython 3:  /usr/bin/python3 bench_defer.py
Each line: benchmark name, best wall time and best process CPU time per
operation over 5 repeats (CPU time is the steadier on a shared machine).
"""
import sys
import time
import timeit

import twisted
from twisted.internet.defer import Deferred, succeed
from twisted.python.failure import Failure


def inc(r):
    return r + 1


def callbacks10():
    # BenchmarkDeferredCallbacks10: create, add 10 callbacks, fire.
    d = Deferred()
    for _ in range(10):
        d.addCallback(inc)
    d.callback(0)
    assert d.result == 10


def succeedAddCallback():
    # BenchmarkSucceedAddCallback
    succeed(1).addCallback(inc)


failure = Failure(KeyError("k"))


def recover(f):
    return 0


def errbackPath():
    # BenchmarkErrbackPath
    d = Deferred()
    d.addCallback(inc)
    d.addErrback(recover)
    d.callback(failure)


def chain100():
    # BenchmarkChain100: a chain of 100 Deferreds returned by callbacks.
    last = Deferred()
    d = last
    for _ in range(99):
        nxt = d
        d = Deferred().addCallback(lambda _, nxt=nxt: nxt)
        d.callback(None)
    last.callback(1)


from twisted.internet.defer import inlineCallbacks


def inlineCallbacks10():
    # BenchmarkInlineCallbacks10: await five fired Deferreds and five fired
    # while waiting.
    pending = [Deferred() for _ in range(5)]

    @inlineCallbacks
    def f():
        total = 0
        for i in range(5):
            total += yield succeed(i)
            total += yield pending[i]
        return total

    d = f()
    for i, p in enumerate(pending):
        p.callback(i)
    assert d.result == 20


from twisted.internet.defer import gatherResults


def gatherResults10():
    # BenchmarkGatherResults10: ten Deferreds gathered, then fired.
    ds = [Deferred() for _ in range(10)]
    g = gatherResults(ds)
    for i, d in enumerate(ds):
        d.callback(i)
    assert g.result == list(range(10))


def chainDepth():
    # BenchmarkChainDepth: 100,000 Deferreds, each one's callback returning
    # the next, fired from the innermost (test_boundedStackDepth's shape).
    n = 100000
    ds = [Deferred() for _ in range(n)]
    for i in range(n - 1):
        ds[i].addCallback(lambda _, nxt=ds[i + 1]: nxt)
    for d in ds[:-1]:
        d.callback(None)
    ds[-1].callback("deep")
    assert ds[0].result == "deep"


for name, f, n in [
    ("DeferredCallbacks10", callbacks10, 100000),
    ("SucceedAddCallback", succeedAddCallback, 200000),
    ("ErrbackPath", errbackPath, 100000),
    ("Chain100", chain100, 2000),
    ("InlineCallbacks10", inlineCallbacks10, 20000),
    ("GatherResults10", gatherResults10, 20000),
    ("ChainDepth", chainDepth, 1),
]:
    wall = min(timeit.repeat(f, number=n, repeat=5)) / n
    cpu = min(timeit.repeat(f, number=n, repeat=5, timer=time.process_time)) / n
    print("%-20s %10.3f us wall %10.3f us cpu" % (name, wall * 1e6, cpu * 1e6))
print("Twisted", twisted.__version__, "CPython", sys.version.split()[0])
