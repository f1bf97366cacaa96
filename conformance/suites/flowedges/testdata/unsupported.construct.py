# flow edges (deviation): Unsupported cannot be constructed: its __init__
# calls TypeError.__init__ on a NotImplementedError.
try:
    raise flow.Unsupported('inst')
except Exception, e:
    raised(e)
print issubclass(flow.Unsupported, NotImplementedError)
