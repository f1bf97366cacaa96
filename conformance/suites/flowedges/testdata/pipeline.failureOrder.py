# flow edges: a failure at the head of Map(Filter(generator)) under Block,
# trapped by Block: the calls before it, then the trapped class.
def gen():
    yield 1
    print 'gen raises'
    raise KeyError('k')
def keep(x):
    print 'filter', x
    return True
def inc(x):
    print 'map', x
    return x + 1
for x in block(flow.Map(inc, flow.Filter(keep, gen())), KeyError):
    print 'got', x
print 'end'
