# flow edges (deviation): Block over a Callback that has no result yet.
# Python: Block raises Unsupported for the Callback's instruction, whose
# construction fails with a TypeError.
cb = flow.Callback()
cb.result('ready')
drain(block(cb))
