# flow edges: a trap names the exact class of the failure; the trapped
# class is the last value, then the stage stops.
def badgen():
    yield 'x'
    3 / 0
drain(block(badgen(), ZeroDivisionError))
