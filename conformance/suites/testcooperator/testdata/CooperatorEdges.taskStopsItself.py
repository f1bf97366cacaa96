# Edge case (ours), against src/twisted/internet/task.py
# CooperativeTask._oneWorkUnit (Twisted 22.4): a task whose step stops the
# task itself, then yields a value, ends, raises, or yields a Deferred.
# Twisted completes the task again after such a step and raises out of the
# Cooperator's tick (ValueError from list.remove, or TaskStopped from
# pause); the fake scheduler here catches what the tick raises.
work = []


def sched(f):
    work.append(f)
    return FakeCall()


class FakeCall:
    def cancel(self):
        pass


for then in ["yields", "returns", "raises", "yields a Deferred"]:
    log = []
    c = task.Cooperator(scheduler=sched)

    def gen():
        log.append("step")
        t.stop()
        if then == "yields":
            yield 0
        elif then == "raises":
            raise RuntimeError("after stop")
        elif then == "yields a Deferred":
            yield defer.Deferred()

    t = c.cooperate(gen())
    t.whenDone().addBoth(lambda r: log.append("done " + show(r)))
    while work:
        try:
            work.pop(0)()
        except Exception as e:
            log.append("tick raised " + show(e))
    print(then + ":", ", ".join(log))
