# Edge case (ours): the order in which a Cooperator steps its tasks when
# tasks finish, pause, resume and are added in the middle of a tick. Twisted
# walks a Python list iterator over its task list while tasks remove and
# append themselves, so a task that ends makes the next one lose its turn in
# that round. Steps end after 3 units of work; the fake scheduler runs one
# tick per pump.
log = []
work = []


class FakeCall:
    def __init__(self, f):
        self.f = f
        self.cancelled = False

    def cancel(self):
        self.cancelled = True


def sched(f):
    work.append(FakeCall(f))
    return work[-1]


def pump():
    global work
    todo, work = work, []
    for call in todo:
        if not call.cancelled:
            call.f()


def steps3():
    n = [0]

    def done():
        n[0] += 1
        return n[0] >= 3

    return done


c = task.Cooperator(scheduler=sched, terminationPredicateFactory=steps3)
gate = defer.Deferred()
tasks = {}


def worker(name, n):
    for i in range(n):
        log.append(name + str(i))
        if name == "b" and i == 1:
            yield gate
        elif name == "c" and i == 0:
            tasks["e"] = c.cooperate(worker("e", 2))
            yield i
        else:
            yield i


for name, n in [("a", 1), ("b", 3), ("c", 2), ("d", 4)]:
    tasks[name] = c.cooperate(worker(name, n))
    tasks[name].whenDone().addCallback(lambda _, name=name: log.append(name + " done"))

for tick in range(8):
    if tick == 3:
        gate.callback(None)
        log.append("gate fired")
    if tick == 4:
        tasks["d"].pause()
        log.append("d paused")
    if tick == 6:
        tasks["d"].resume()
        log.append("d resumed")
    pump()
    print("tick", tick, " ".join(log))
    del log[:]
