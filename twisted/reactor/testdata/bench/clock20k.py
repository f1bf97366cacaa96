"""Python anchor for BenchmarkClock20k: Twisted's task.Clock with N timers.

Schedules N calls with random delays in [0, 1000) seconds on a task.Clock,
then advances past them all. Clock sorts its whole list of calls after each
callLater and after each call it runs, so the cost per timer grows with N:
the script prints it for several N, in wall-clock time and in the process's
CPU time (which a busy machine disturbs less).

    /usr/bin/python3 clock20k.py [N ...]     (default: 1000 2000 5000 10000 20000)
"""
import random
import sys
import time

from twisted.internet import task


def run(n):
    rng = random.Random(1)
    delays = [rng.random() * 1000 for _ in range(n)]
    fired = [0]

    def f():
        fired[0] += 1

    clock = task.Clock()
    c0, t0 = time.process_time(), time.perf_counter()
    for d in delays:
        clock.callLater(d, f)
    t1 = time.perf_counter()
    clock.advance(1000)
    c2, t2 = time.process_time(), time.perf_counter()
    assert fired[0] == n
    total, cpu = t2 - t0, c2 - c0
    print(
        "N=%d: %.3f s total (callLater %.3f s, advance %.3f s), %.1f us/timer; CPU %.3f s, %.1f us/timer"
        % (n, total, t1 - t0, t2 - t1, total / n * 1e6, cpu, cpu / n * 1e6)
    )


for n in [int(a) for a in sys.argv[1:]] or [1000, 2000, 5000, 10000, 20000]:
    run(n)
