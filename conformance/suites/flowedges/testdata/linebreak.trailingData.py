# flow edges (deviation): without trailer, data after the last delimiter is
# an error. Python raises the RuntimeError out of the stage: Block's trap
# cannot catch it, and flow.Deferred never fires when it happens after a
# Cooperate (before one, the constructor itself raises).
def src():
    return slowlist(['line\nlast', ' part'])
drain(block(flow.LineBreak(src(), delimiter='\n')))
drain(block(flow.LineBreak(src(), delimiter='\n'), RuntimeError))
try:
    d = outcome(flow.Deferred(flow.LineBreak(src(), delimiter='\n')))
except RuntimeError, e:
    raised(e)
d = outcome(flow.Deferred(flow.LineBreak(
    slowlist([flow.Cooperate(), 'tail']), delimiter='\n')))
wait(d, 0.5)
