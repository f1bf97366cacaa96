# flow edges: a line built from three chunks, and chunks holding several
# lines, with Cooperate between them.
src = ['a', 'b', flow.Cooperate(), 'c\nd\ne', '\n', 'f\n']
drain(block(flow.LineBreak(slowlist(src), delimiter='\n')))
