# Edge case (ours): when a LoopingCall schedules its calls, to the last bit
# of the float times: intervals that are not exact in binary, a reset from
# inside the call (a no-op: no call is scheduled while one runs), a change of
# interval while running, and a restart from the Deferred that stop fires.
clock = task.Clock()
times = []
lc = None


def f():
    times.append(clock.seconds())
    if len(times) == 3:
        lc.reset()
    if len(times) == 5:
        lc.interval = 0.25
    if len(times) == 8:
        lc.stop()


lc = task.LoopingCall(f)
lc.clock = clock


def restart(result):
    print("stopped at", show(clock.seconds()), "with", show(result is lc))
    lc.start(0.7, now=False)


lc.start(0.1, now=True).addCallback(restart)
for i in range(14):
    clock.advance(0.1)
print(show(times))
print(show([c.getTime() for c in clock.getDelayedCalls()]))
clock.advance(0.05)
lc.reset()
print(show([c.getTime() for c in clock.getDelayedCalls()]))
clock.pump([0.7, 0.7])
print(show(times[8:]))
lc.stop()
print(show(clock.getDelayedCalls()))
