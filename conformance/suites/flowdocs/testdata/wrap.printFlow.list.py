# twisted/flow/wrap.py wrap() docstring, second source: a list with a
# Cooperate(1) in it (one second between "one" and "two"). See
# wrap.printFlow.string for why each source is its own scenario.
source = ["one",flow.Cooperate(1),"two"]
printFlow(source)
print "printFlow returned"
