# flow edges: a Callback that fails before any result: trapped, its class
# is the only value; untrapped, the flow fails. Pushed before the flow
# starts, the failure is there at once.
cb = flow.Callback(IOError)
cb.errback(Failure(IOError('first')))
run(cb)
cb = flow.Callback()
d = outcome(flow.Deferred(cb))
print 'waiting'
cb.errback(Failure(IOError('later')))
