# flow edges: finish() after errback() is refused with an AssertionError.
cb = flow.Callback()
cb.errback(Failure(IOError('lost')))
try:
    cb.finish()
except AssertionError, e:
    raised(e)
run(cb)
