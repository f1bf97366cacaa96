# flow edges: a generator may raise a Failure itself; it is trapped by the
# class it wraps.
def gen():
    yield 'a'
    raise Failure(KeyError('k'))
drain(block(gen(), LookupError))
drain(block(gen()))
