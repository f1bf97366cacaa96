# twisted/flow/base.py Stage docstring, second usage listing (someGenerator,
# a fragment with placeholders): next() called directly after each yield;
# an untrapped failure is raised out of next(). Ours: SomeStage is flow.wrap
# of a generator that produces, cooperates, then raises EggsError, which
# is not trapped (only SpamError is); the loop is the listing's.
class SpamError(Exception): pass
class EggsError(Exception): pass

def source():
    yield 1
    yield flow.Cooperate()
    yield 2
    raise EggsError("scrambled")

def someGenerator():
    iterable = flow.wrap(source(), SpamError)
    while True:
        yield iterable
        result = iterable.next()
        # handle good result or SpamError or EggsError
        yield result

out = []
try:
    for x in flow.Block(someGenerator):
        out.append(x)
except EggsError, e:
    print "raised", repr(e)
print out
