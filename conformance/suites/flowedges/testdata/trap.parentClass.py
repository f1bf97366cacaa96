# flow edges: trapping ArithmeticError catches a ZeroDivisionError; the
# value given is the trap's class (ArithmeticError), not the failure's.
def badgen():
    yield 'x'
    3 / 0
drain(block(badgen(), ArithmeticError))
