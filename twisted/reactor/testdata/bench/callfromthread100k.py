"""Python anchor for BenchmarkCallFromThread: Twisted's real reactor.

A thread hands N calls to the running reactor with callFromThread; the last
one stops it. Prints the time per call (wall clock and process CPU time),
best of R runs, each in a fresh process (a Twisted reactor cannot be
restarted).

    /usr/bin/python3 callfromthread100k.py [N] [R]
"""
import subprocess
import sys
import threading
import time


def child(n):
    from twisted.internet import reactor

    count = [0]

    def f():
        count[0] += 1
        if count[0] == n:
            reactor.stop()

    def feed():
        for _ in range(n):
            reactor.callFromThread(f)

    def start():
        threading.Thread(target=feed).start()

    reactor.callWhenRunning(start)
    c0, t0 = time.process_time(), time.perf_counter()
    reactor.run()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert count[0] == n
    print(type(reactor).__module__, type(reactor).__name__, elapsed, cpu)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(int(sys.argv[2]))
        sys.exit()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    best = best_cpu = float("inf")
    for _ in range(runs):
        out = subprocess.check_output([sys.executable, __file__, "child", str(n)], text=True)
        module, name, elapsed, cpu = out.split()
        best, best_cpu = min(best, float(elapsed)), min(best_cpu, float(cpu))
    print(
        "%s.%s, N=%d: best of %d %.3f s, %.2f us/call; CPU %.3f s, %.2f us/call"
        % (module, name, n, runs, best, best / n * 1e6, best_cpu, best_cpu / n * 1e6)
    )
