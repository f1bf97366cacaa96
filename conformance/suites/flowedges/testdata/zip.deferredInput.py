# flow edges: a fired Deferred is a one-value input of Zip.
d = defer.Deferred()
d.callback('only')
drain(block(flow.Zip([1, 2], d)))
