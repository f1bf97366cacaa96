# twisted/flow/base.py Stage docstring, first usage listing (a fragment,
# with placeholders): a stage built with trapped errors, yielded before
# each result, iterated with for. Ours: DerivedStage is flow.wrap of a
# generator that produces, cooperates, then raises SpamError; the loop
# is the listing's, run under flow.Block.
class SpamError(Exception): pass
class EggsError(Exception): pass

def source():
    yield "spam"
    yield flow.Cooperate()
    yield "eggs"
    raise SpamError("off")

def consumer():
    iterable = flow.wrap(source(), SpamError, EggsError)
    yield iterable
    for result in iterable:
        # handle good result, or SpamError or EggsError
        yield result
        yield iterable

print list(flow.Block(consumer))
