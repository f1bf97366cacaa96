# Edge case (ours), against src/twisted/internet/task.py Cooperator.stop
# (Twisted 22.4, unchanged at trunk 2024): stop() loops over its task list
# while each task's _completeWith removes the task from that same list, so
# the loop skips every other task, whose whenDone Deferreds never fire.
results = {}
c = task.Cooperator(scheduler=lambda f: None)
for i in range(5):
    d = c.coiterate(iter([1, 2]))
    d.addBoth(lambda r, i=i: results.__setitem__(i, r))
c.stop()
for i in range(5):
    print(i, show(results.get(i, "never fired")))
d = c.coiterate(iter([1, 2]))
d.addBoth(lambda r: print("added after stop:", show(r)))
