# flow edges: LineBreak under flow.Deferred, fed by a Callback in pieces.
cb = flow.Callback()
d = outcome(flow.Deferred(flow.LineBreak(cb, delimiter='\n')))
for piece in ['he', 'llo\nwor', 'ld\n', '\n']:
    cb.result(piece)
cb.finish()
