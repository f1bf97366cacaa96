# flow edges: a Merge whose round gives a value and then a failure holds
# both at once. Read directly, or by Map, the value comes first; a Pipe
# (Filter, LineBreak) takes the failure first and drops the value.
def ok():
    yield 'a0'
    yield 'a1'
def bad():
    raise KeyError('k')
    yield
drain(block(flow.Merge(ok(), bad())))
drain(block(flow.Map(lambda x: x, flow.Merge(ok(), bad()))))
drain(block(flow.Filter(None, flow.Merge(ok(), bad()))))
drain(block(flow.LineBreak(flow.Merge(ok(), bad()), delimiter='\n')))
run(flow.Filter(None, flow.Merge(ok(), bad())), KeyError)
