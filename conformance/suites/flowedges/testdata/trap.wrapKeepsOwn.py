# flow edges: wrapping a stage with no traps keeps its own; Block's traps
# merge in front of them.
def badgen():
    yield 'x'
    3 / 0
inner = flow.wrap(badgen(), ArithmeticError)
print flow.wrap(inner) is inner
drain(block(inner))
inner = flow.wrap(badgen(), ArithmeticError)
drain(block(inner, ZeroDivisionError))
