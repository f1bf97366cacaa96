# flow edges: a callable returning a stage is called, and its result is
# then iterated as a plain iterator, without being yielded: a list stage
# is not ready (NotReadyError), a string stage gives its value.
drain(block(lambda: flow.wrap([1, 2])))
drain(block(lambda: flow.wrap('abc')))
