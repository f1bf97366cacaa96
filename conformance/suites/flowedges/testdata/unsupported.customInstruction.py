# flow edges (deviation): an Instruction of our own that is not a CallLater
# reaches flow.Deferred, which does not support it. The original raises
# Unsupported, whose constructor fails: a TypeError escapes the
# constructor.
class Odd(flow.Instruction):
    pass
def gen():
    yield 1
    yield Odd()
    yield 2
try:
    outcome(flow.Deferred(gen()))
except Exception, e:
    raised(e)
