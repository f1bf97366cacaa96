# twisted/flow/stage.py Callback docstring example, verbatim: results
# pushed at 0s and .5s, finish at 1s.
source = flow.Callback()
reactor.callLater(0, lambda: source.result("one"))
reactor.callLater(.5, lambda: source.result("two"))
reactor.callLater(1, lambda: source.finish())
printFlow(source)
