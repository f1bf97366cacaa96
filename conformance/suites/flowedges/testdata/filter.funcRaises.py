# flow edges (deviation): Filter's function raising. Python: the exception
# escapes the stage raw: Block's trap cannot catch it, and flow.Deferred
# never fires when it happens after a Cooperate (before one, the
# constructor itself raises).
def inv(x):
    return 10 / x
drain(block(flow.Filter(inv, slowlist([1, 0, 2]))))
drain(block(flow.Filter(inv, slowlist([1, 0, 2])), ZeroDivisionError))
try:
    outcome(flow.Deferred(flow.Filter(inv, slowlist([1, 0, 2]))))
except ZeroDivisionError, e:
    raised(e)
d = outcome(flow.Deferred(flow.Filter(inv, slowlist([flow.Cooperate(), 0]))))
wait(d, 0.5)
