# twisted/flow/wrap.py wrap() docstring, third source: a generator
# function (wrap calls it) that cooperates between its two values. See
# wrap.printFlow.string for why each source is its own scenario.
def source():
    yield "aeye"
    yield flow.Cooperate()
    yield "capin"
printFlow(source)
print "printFlow returned"
