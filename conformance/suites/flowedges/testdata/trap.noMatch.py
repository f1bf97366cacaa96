# flow edges: a failure no trap matches is raised by next(), after the
# results that came before it.
def badgen():
    yield 'x'
    yield 'y'
    3 / 0
drain(block(badgen(), KeyError, ValueError))
