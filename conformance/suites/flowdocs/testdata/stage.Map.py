# twisted/flow/stage.py Map docstring example, verbatim (printFlow is the
# wrap() docstring's, in the prelude).
def fn(val):
    return val + 10

source = flow.Map(fn,range(4))
printFlow(source)
