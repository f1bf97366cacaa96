# twisted/flow/wrap.py wrap() docstring, fourth source: a Deferred fired a
# second later. See wrap.printFlow.string for why each source is its own
# scenario. The docstring's bare `Deferred()` is twisted.internet.defer's
# (its imports bring only `defer` in: the docstring as written raises
# NameError), so it is spelled defer.Deferred() here.
source = defer.Deferred()
reactor.callLater(1, lambda: source.callback("howdy"))
printFlow(source)
print "printFlow returned"
