# flow edges: a generator yielding a Deferred that has already fired goes
# straight on; the Deferred's result is not a value of the flow.
def gen():
    yield 1
    d = defer.Deferred()
    d.callback('fired')
    yield d
    yield 2
drain(block(gen()))
run(gen())
