# twisted/flow/pipe.py Filter docstring example, verbatim (printFlow is the
# wrap() docstring's, in the prelude).
def odd(val):
    if val % 2:
        return True

def range():
    yield 1
    yield 2
    yield 3
    yield 4

source = flow.Filter(odd,range)
printFlow(source)
