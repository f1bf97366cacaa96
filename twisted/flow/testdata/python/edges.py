# Edge cases of twisted.flow (2009, b2b5697a0f^); edges_test.go asserts the
# values printed here, or records its deviation. Run:
#   PYTHONPATH=<twisted-flow>:<zope> python2.7 edges.py > edges.golden
import warnings
warnings.simplefilter("ignore")
from twisted.flow import flow
from twisted.flow import base
import time
def show(f):
    try:
        print repr(f())
    except Exception, e:
        print type(e).__name__, repr(str(e))
# Unsupported cannot be constructed
show(lambda: base.Unsupported(flow.Cooperate()))
# Block on Merge with both cooperating
def g(n):
    yield flow.Cooperate(0.01)
    yield n
show(lambda: list(flow.Block(flow.Merge(g(1), g(2)))))
# wrap of an int
show(lambda: flow.wrap(5))
# Filter raising
def bad(v): return 1/0
show(lambda: list(flow.Block(flow.Filter(bad, [1,2]))))
# LineBreak trailing
show(lambda: list(flow.Block(flow.LineBreak(["abc\r\nde", "fghijklmnopq"]))))
show(lambda: list(flow.Block(flow.LineBreak(["abc\r\nde", "fgh"], trailer=True))))
# Map padding of three and None function
show(lambda: list(flow.Block(flow.Map(None, [1,2,3], ['a'], [True, False]))))
show(lambda: list(flow.Block(flow.Map(None, [1,2]))))
def add(a, b): return a + (b or 0)
show(lambda: list(flow.Block(flow.Map(add, [1,2,3], [10]))))
# trap merge order
s = flow.wrap(flow.wrap([1]), IOError, KeyError)
s = flow.wrap(s, ValueError, KeyError)
print s._trap
# Filter with None (truthiness)
show(lambda: list(flow.Block(flow.Filter(None, [0, 1, "", "a", None, [], [0], (), 0.0, False, True, {}]))))
# Chunked
def chunkgen():
    c = flow.wrap([1,2,3])
    c.chunked = True
    yield c
    yield c.next()
show(lambda: list(flow.Block(chunkgen())))
# stage in a list
show(lambda: list(flow.Block([1, flow.wrap([2])])))
# Block of a Callback
show(lambda: list(flow.Block(flow.Callback())))
# Map func raising
show(lambda: list(flow.Block(flow.Map(lambda x: 1/x, [1, 0, 2]))))
# generator returning stage from callable
show(lambda: list(flow.Block(lambda: flow.wrap([1]))))
# Zip failure in Block trapped
def badgen():
    yield 'x'
    1/0
show(lambda: list(flow.Block(flow.Zip([1,2], badgen()), ZeroDivisionError)))
# Concurrent in Block
show(lambda: [s.next() for s in flow.Block(flow.Concurrent([1,2],[3]))] )
# a failed Deferred
from twisted.internet import defer
d = defer.Deferred()
d.errback(IOError("gone"))
show(lambda: list(flow.Block(d)))
d = defer.Deferred()
d.errback(IOError("gone"))
show(lambda: list(flow.Block(d, IOError)))
# a Callback already fed
cb = flow.Callback()
cb.result(1)
cb.result(2)
cb.finish()
show(lambda: list(flow.Block(cb)))
# LineBreak of non-strings
show(lambda: list(flow.Block(flow.LineBreak([12, "\r\n3", 4.5, "\r\n"]))))
# Filter with None on a generator
def mixed():
    yield 0
    yield "x"
    yield None
    yield (0,)
show(lambda: list(flow.Block(flow.Filter(None, mixed()))))
# Zip of three with a shorter generator and a string
show(lambda: list(flow.Block(flow.Zip(mixed(), "ab", [1]))))
# Merge of a string and a list
show(lambda: list(flow.Block(flow.Merge("s", [1, 2]))))
