# Python anchors for BENCHMARKS.md "## flow": the same flows as
# bench_test.go, on the original twisted.flow (2009) under CPython 2.7. Run:
#   PYTHONPATH=<twisted-flow>:<zope> python2.7 bench.py
import warnings
warnings.simplefilter("ignore")
import time
from twisted.flow import flow
from twisted.internet import reactor

N = 200000

def gen(n):
    for i in xrange(n):
        yield i

class Count:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def next(self):
        i = self.i
        if i >= self.n:
            raise StopIteration
        self.i = i + 1
        return i

def plus(x):
    return x + 1

def odd(x):
    return x & 1

def best(f, runs=5):
    return min(f() for _ in range(runs))

def block_filter_map(source):
    def run():
        t = time.time()
        n = 0
        for _ in flow.Block(flow.Filter(odd, flow.Map(plus, source()))):
            n += 1
        assert n == N // 2
        return time.time() - t
    return N / best(run)

def pull_baseline():
    def run():
        t = time.time()
        for _ in gen(N):
            pass
        return time.time() - t
    return N / best(run)

print "BlockFilterMap generator: %.0f items/s" % block_filter_map(lambda: gen(N))
print "BlockFilterMap iterator:  %.0f items/s" % block_filter_map(lambda: Count(N))
print "bare generator loop:      %.0f items/s" % pull_baseline()

M = 20000

def cooperating():
    for i in xrange(M):
        if i % 100 == 0:
            yield flow.Cooperate()
        yield i

def cooperating_list():
    l = []
    for i in xrange(M):
        if i % 100 == 0:
            l.append(flow.Cooperate())
        l.append(i)
    return l

times = {}
def deferred_cooperate(name, source, runs, then):
    src = source()
    t = time.time()
    d = flow.Deferred(src)
    def done(r):
        assert len(r) == M
        times.setdefault(name, []).append(time.time() - t)
        if runs > 1:
            deferred_cooperate(name, source, runs - 1, then)
        else:
            then()
    d.addCallback(done)

def lists():
    deferred_cooperate("list", cooperating_list, 5, reactor.stop)
reactor.callWhenRunning(deferred_cooperate, "generator", cooperating, 5, lists)
reactor.run()
print "DeferredCooperate generator: %.0f items/s" % (M / min(times["generator"]))
print "DeferredCooperate list:      %.0f items/s" % (M / min(times["list"]))
