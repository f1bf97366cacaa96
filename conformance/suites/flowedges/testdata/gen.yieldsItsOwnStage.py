# flow edges (deviation): a generator that yields its own stage, and two
# that yield each other's: _Iterable._yield recurses until Python raises
# RuntimeError out of the flow (under flow.Deferred, out of its
# constructor: the Deferred never fires).
import sys
sys.setrecursionlimit(400)
def selfish():
    yield 'before'
    yield st
    yield 'after'
st = flow.wrap(selfish())
drain(block(st))
st = flow.wrap(selfish())
try:
    outcome(flow.Deferred(st))
except Exception, e:
    raised(e)
def gen_a():
    yield b
def gen_b():
    yield a
a = flow.wrap(gen_a())
b = flow.wrap(gen_b())
drain(block(a))
print 'the process goes on'
