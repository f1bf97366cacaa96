# flow edges: with several matching traps, the first one listed is the
# class given (Failure.check returns the first match).
def badgen():
    yield 'x'
    3 / 0
drain(block(badgen(), LookupError, ArithmeticError, ZeroDivisionError))
