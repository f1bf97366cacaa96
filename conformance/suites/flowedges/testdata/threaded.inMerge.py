# flow edges: a Merge of a Threaded source and a branch cooperating every
# 0.6. The thread waits at three gates: the reactor opens the first at 0.2,
# the ticker the second at its second tick and the third (the thread's
# end) at its third. Each value from the thread wakes the whole Merge, and
# the ticker runs on before its own time. Whoever opens the first two gates
# waits until the thread has handed its value over (the thread's loop has
# called callFromThread with it and resumed the generator), so that the
# value wakes the Merge before the ticker's next Cooperate is due however
# slowly the thread runs.
import threading
gate1 = threading.Event()
gate2 = threading.Event()
gate3 = threading.Event()
handed1 = threading.Event()
handed2 = threading.Event()
def open1():
    gate1.set()
    handed1.wait()
reactor.callLater(0.2, open1)
def slow():
    gate1.wait()
    yield 'first'
    handed1.set()
    gate2.wait()
    yield 'second'
    handed2.set()
    gate3.wait()
def ticker():
    for i in range(3):
        yield flow.Cooperate(0.6)
        print 'tick', i
        if i == 1:
            gate2.set()
            handed2.wait()
        if i == 2:
            gate3.set()
        yield i
def printer():
    src = flow.Merge(Threaded(slow()), ticker())
    yield src
    for x in src:
        print 'got', x
        yield x
        yield src
run(printer())
