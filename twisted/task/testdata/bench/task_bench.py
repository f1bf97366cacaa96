# Python anchors for twisted/task's benchmarks (bench_test.go): the same
# workloads on Debian's python3-twisted, driven by task.Clock.
#   /usr/bin/python3 twisted/task/testdata/bench/task_bench.py
import time

from twisted.internet import defer, task

TASKS, STEPS = 100, 100


def gen():
    for i in range(STEPS):
        yield i


class Next:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == STEPS:
            raise StopIteration
        self.i += 1
        return self.i


def gen_deferred():
    for i in range(STEPS):
        yield defer.succeed(i)


def cooperator(make):
    clock = task.Clock()
    c = task.Cooperator(scheduler=lambda f: clock.callLater(0.00000001, f))
    done = []
    for _ in range(TASKS):
        c.coiterate(make()).addCallback(done.append)
    while len(done) < TASKS:
        clock.advance(1)


def looping_call(n):
    clock = task.Clock()
    calls = [0]

    def f():
        calls[0] += 1

    lc = task.LoopingCall(f)
    lc.clock = clock
    lc.start(0.1, now=False)
    for _ in range(n):
        clock.advance(0.1)
    lc.stop()


def defer_later(n):
    clock = task.Clock()
    f = lambda: None
    for i in range(1, n + 1):
        task.deferLater(clock, 1, f)
        if i % 1000 == 0:
            clock.advance(1)
    clock.advance(1)


def bench(name, f, per, unit, repeat=5):
    """Print the best of repeat runs, in wall and in CPU time per unit."""
    best = cpu = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        f()
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        best = dt if best is None else min(best, dt)
        cpu = dc if cpu is None else min(cpu, dc)
    print(f"{name}: {best / per * 1e9:.0f} ns/{unit}, {cpu / per * 1e9:.0f} cpu-ns/{unit}")


bench("CooperatorSeq", lambda: cooperator(gen), TASKS * STEPS, "step")
bench("CooperatorNext", lambda: cooperator(Next), TASKS * STEPS, "step")
bench("CooperatorDeferred", lambda: cooperator(gen_deferred), TASKS * STEPS, "step")
bench("LoopingCall", lambda: looping_call(100000), 100000, "call")
bench("DeferLater", lambda: defer_later(100000), 100000, "op")
