# flow edges (deviation): a Block yielded inside another flow. The
# original's Block is a Stage without _yield: the NotImplementedError
# escapes (from flow.Deferred's constructor here).
def gen():
    yield 1
    yield flow.Cooperate()
    yield 2
try:
    outcome(flow.Deferred(block(gen())))
except NotImplementedError, e:
    raised(e)
