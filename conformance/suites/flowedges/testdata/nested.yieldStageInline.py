# flow edges: a stage yielded inline (not kept to read from) runs until it
# has no instruction left, its Cooperates pausing the chain; its results
# are not the generator's.
def gen():
    yield 'before'
    yield flow.wrap(['x', flow.Cooperate(0.5), 'y'])
    yield 'after'
drain(block(gen()))
run(gen())
