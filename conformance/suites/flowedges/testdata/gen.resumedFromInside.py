# flow edges (deviation): a generator pushes into the Callback it consumes,
# which runs the flow again inside the generator: the inner run meets
# ValueError 'generator already executing' (trapped: the flow ends with it).
# The outer run then takes the generator's next value, 'after', into the
# list the Deferred already delivered.
def gen(cb):
    yield cb
    cb.result(2)
    yield 'after'
cb = flow.Callback()
d = outcome(flow.Deferred(gen(cb), ValueError))
cb.result(1)
got = []
d.addCallback(got.append)
print got
cb = flow.Callback()
d = outcome(flow.Deferred(gen(cb)))
cb.result(1)
