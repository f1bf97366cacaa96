# Edge case (ours): the counts LoopingCall.withCount passes, to the last bit
# of the float times, when the clock jumps by irregular amounts, when a call
# returns a Deferred that fires late, and after a reset.
clock = task.Clock()
counts = []
pending = []


def f(count):
    counts.append((clock.seconds(), count))
    if len(counts) == 4:
        d = defer.Deferred()
        pending.append(d)
        return d


lc = task.LoopingCall.withCount(f)
lc.clock = clock
lc.start(0.3, now=True)
for step in [0.29, 0.02, 0.61, 0.3, 0.05, 1.3, 0.7]:
    clock.advance(step)
print(show(counts))
del counts[:]
pending[0].callback(None)
clock.pump([0.1, 0.2, 0.95])
lc.reset()
clock.pump([0.3, 0.31, 0.9])
print(show(counts))
lc.stop()
