# flow edges: the order of every call along a chain Map(Filter(generator))
# under Block: generator steps, filter and map functions, sleeps and the
# loop body interleave one value at a time.
def gen():
    for i in range(4):
        print 'gen', i
        yield i
        if i == 1:
            yield flow.Cooperate(0.5)
    print 'gen done'
def keep(x):
    print 'filter', x
    return x != 2
def double(x):
    print 'map', x
    return x * 2
for x in block(flow.Map(double, flow.Filter(keep, gen()))):
    print 'got', x
print 'end'
