# flow edges: a branch that stops without results in the middle of a
# Concurrent round starts the round over: a branch that had just asked to
# cooperate is polled again at once, and its pause is skipped.
def a():
    yield flow.Cooperate(0.5)
    yield 'a'
def b():
    return
    yield
drain(block(flow.Merge(a(), b())))
run(flow.Merge(a(), b()))
