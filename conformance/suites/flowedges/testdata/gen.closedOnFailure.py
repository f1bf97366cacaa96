# flow edges (deviation): when a Merge fails, its other branch is left
# suspended; the original closes that generator only when the flow is
# garbage-collected (here at `del d`).
import gc
def failing():
    yield 1
    raise KeyError('k')
def sibling():
    try:
        for i in range(10):
            yield 'sib%d' % i
            yield flow.Cooperate()
    finally:
        print 'sibling closed'
d = outcome(flow.Deferred(flow.Merge(failing(), sibling())))
print 'after flow'
del d
gc.collect()
print 'end'
