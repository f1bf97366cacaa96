# flow edges: Block over a Callback that already has its results and has
# finished: nothing to wait for, so Block can run it.
cb = flow.Callback()
cb.result(1)
cb.result(2)
cb.finish()
drain(block(cb))
