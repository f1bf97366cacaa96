# flow edges: a stage yielded from inside a generator runs until it has no
# instruction left: its Cooperate pauses the whole chain, and the results
# before and after it are all there when the generator resumes.
def consumer():
    src = flow.wrap([1, 2, 3, flow.Cooperate(), 4, flow.Cooperate(0.5), 5])
    yield src
    print src.next(), src.next(), src.next(), src.next(), src.next()
    try:
        src.next()
    except StopIteration:
        print 'StopIteration without another yield'
drain(block(consumer()))
