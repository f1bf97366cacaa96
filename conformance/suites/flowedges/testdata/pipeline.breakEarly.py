# flow edges: leaving a Block loop early: the generator is left suspended
# (Python closes it only when it is garbage-collected).
def gen():
    try:
        for i in range(5):
            print 'gen', i
            yield i
    finally:
        print 'gen closed'
b = block(flow.Filter(None, gen()))
for x in b:
    print 'got', x
    if x == 2:
        break
print 'after loop'
del b
print 'end'
