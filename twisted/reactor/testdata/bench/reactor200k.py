"""Python anchor for BenchmarkReactorTimers: Twisted's real reactor.

Schedules 200,000 callLater calls with random delays under a millisecond
from a callWhenRunning call, and runs the reactor until they have all
fired. Prints the reactor used and the time per timer (wall clock and
process CPU time), best of R runs (each
run in a fresh process, since a Twisted reactor cannot be restarted).

    /usr/bin/python3 reactor200k.py [N] [R]
"""
import random
import subprocess
import sys
import time


def child(n):
    from twisted.internet import reactor

    rng = random.Random(1)
    delays = [rng.random() * 0.001 for _ in range(n)]
    fired = [0]

    def f():
        fired[0] += 1
        if fired[0] == n:
            reactor.stop()

    def start():
        for d in delays:
            reactor.callLater(d, f)

    reactor.callWhenRunning(start)
    c0, t0 = time.process_time(), time.perf_counter()
    reactor.run()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert fired[0] == n
    print(type(reactor).__module__, type(reactor).__name__, elapsed, cpu)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(int(sys.argv[2]))
        sys.exit()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = best_cpu = float("inf")
    for _ in range(runs):
        out = subprocess.check_output([sys.executable, __file__, "child", str(n)], text=True)
        module, name, elapsed, cpu = out.split()
        best, best_cpu = min(best, float(elapsed)), min(best_cpu, float(cpu))
    print(
        "%s.%s, N=%d: best of %d %.3f s, %.2f us/timer; CPU %.3f s, %.2f us/timer"
        % (module, name, n, runs, best, best / n * 1e6, best_cpu, best_cpu / n * 1e6)
    )
