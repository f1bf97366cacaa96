# Edge case (ours), against src/twisted/internet/task.py
# CooperativeTask._oneWorkUnit (Twisted 22.4): a task waiting on a
# Deferred it yielded is stopped, and that Deferred then fails. Its
# failLater completes the task a second time: the whenDone Deferreds are
# fired again (AlreadyCalledError, into the yielded Deferred's chain), and
# the task's state changes from TaskStopped to TaskFailed.
work = []


def sched(f):
    work.append(f)
    return FakeCall()


class FakeCall:
    def cancel(self):
        pass


gate = defer.Deferred()


def gen():
    yield gate
    yield 1


c = task.Cooperator(scheduler=sched)
t = c.cooperate(gen())
t.whenDone().addBoth(lambda r: print("done", show(r)))
while work:
    work.pop(0)()
t.stop()
gate.errback(RuntimeError("late"))
gate.addBoth(lambda r: print("gate", show(r)))
try:
    t.pause()
except Exception as e:
    print("pause raised", show(e))
t.whenDone().addBoth(lambda r: print("done again", show(r)))
