# flow edges: a generator that ends by a trapped failure runs its finally
# as it raises, before the trapped class is delivered.
def gen():
    try:
        yield 1
        raise KeyError('k')
    finally:
        print 'gen finally'
d = run(gen(), KeyError)
print 'end'
