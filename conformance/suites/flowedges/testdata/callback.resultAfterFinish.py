# flow edges: a result pushed after finish() runs the flow again: it lands
# in the list the Deferred already delivered.
cb = flow.Callback()
d = outcome(flow.Deferred(cb))
cb.result(1)
cb.finish()
got = []
d.addCallback(got.append)
cb.result(2)
print got
