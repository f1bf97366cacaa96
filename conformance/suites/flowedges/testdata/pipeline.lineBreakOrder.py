# flow edges: the order of calls along LineBreak(Filter(generator)) under
# Block: a chunk holding several lines gives them all before the next
# chunk is pulled.
def chunks():
    for c in ['a\nb', '', 'c\nd\ne\n', 'f']:
        print 'chunk', repr(c)
        yield c
    print 'chunks done'
def nonEmpty(c):
    print 'filter', repr(c)
    return c
for line in block(flow.LineBreak(flow.Filter(nonEmpty, chunks()),
                                 delimiter='\n', trailer=True)):
    print 'line', repr(line)
print 'end'
