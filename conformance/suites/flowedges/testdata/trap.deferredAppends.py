# flow edges: flow.Deferred appends the trapped class to the results, then
# stops; the trap may name a parent class.
def badgen():
    yield 'x'
    yield flow.Cooperate()
    yield 'y'
    3 / 0
run(badgen(), ArithmeticError)
