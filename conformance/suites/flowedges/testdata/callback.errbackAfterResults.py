# flow edges: a Callback's results come first, then its errback's
# failure: trapped, the class is the last value.
cb = flow.Callback(IOError)
d = outcome(flow.Deferred(cb))
cb.result(0)
cb.result(1)
cb.errback(Failure(IOError('lost')))
cb2 = flow.Callback()
d = outcome(flow.Deferred(cb2))
cb2.result(0)
cb2.errback(Failure(IOError('lost')))
