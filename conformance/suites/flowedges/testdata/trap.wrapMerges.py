# flow edges: wrapping a stage again merges the trap lists: the new traps
# first, then the stage's own not already listed; the first match wins.
def badgen():
    yield 'x'
    3 / 0
inner = flow.wrap(badgen(), ArithmeticError, KeyError)
outer = flow.wrap(inner, ZeroDivisionError, KeyError)
print outer is inner
drain(block(outer))
