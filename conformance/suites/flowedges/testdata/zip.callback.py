# flow edges: Zip of a Callback and a list under flow.Deferred: each push
# makes one pair; finish pads the rest of the list with None.
cb = flow.Callback()
d = outcome(flow.Deferred(flow.Zip(cb, ['a', 'b', 'c'])))
cb.result(1)
print 'after 1'
cb.result(2)
print 'after 2'
cb.finish()
