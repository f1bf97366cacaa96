# flow edges: flow.Deferred's traps merge in front of the stage's own, the
# first match giving the class appended.
def badgen():
    yield 'x'
    3 / 0
run(flow.wrap(badgen(), ZeroDivisionError), ArithmeticError)
run(flow.wrap(badgen(), ArithmeticError), ZeroDivisionError)
