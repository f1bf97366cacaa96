import timeit, sys
import twisted
from twisted.internet.defer import Deferred, succeed
def inc(r): return r + 1
def cb10():
    d = Deferred()
    for _ in range(10):
        d.addCallback(inc)
    d.callback(0)
    assert d.result == 10
def succ():
    succeed(1).addCallback(inc)
for name, f in [("callbacks10", cb10), ("succeedAddCallback", succ)]:
    n = 200000
    best = min(timeit.repeat(f, number=n, repeat=5)) / n
    print(name, "%.3f us" % (best * 1e6), twisted.__version__, sys.version.split()[0])
