# flow edges: None, 0, '' and False are values like any other, from a list
# or a generator.
def gen():
    yield None
    yield 0
    yield False
drain(block([None, 0, '']))
run(gen())
