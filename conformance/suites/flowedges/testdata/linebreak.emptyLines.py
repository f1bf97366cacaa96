# flow edges: empty lines are kept, empty chunks are nothing, a chunk that
# is just a delimiter ends the line before it.
src = ['a\n\nb\n', '', '\n', 'c', '\n', '\n\n']
drain(block(flow.LineBreak(slowlist(src), delimiter='\n')))
