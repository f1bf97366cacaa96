# flow edges: a stage yielded inline that fails: its failure is left in
# the stage, unseen; the generator that yielded it goes on.
def bad():
    yield 'b'
    raise ValueError('unseen')
def gen():
    yield 'before'
    yield flow.wrap(bad())
    yield 'after'
drain(block(gen()))
run(gen())
