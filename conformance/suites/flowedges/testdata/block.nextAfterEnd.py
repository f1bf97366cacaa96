# flow edges: Block keeps raising StopIteration after the end.
b = block([1])
print b.next()
for i in range(2):
    try:
        b.next()
    except StopIteration:
        print 'StopIteration', i
