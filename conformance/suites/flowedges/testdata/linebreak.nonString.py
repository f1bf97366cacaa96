# flow edges: LineBreak takes str() of each block: numbers and lists are
# broken into lines as their text.
src = [12, '\n', 3.5, '\n', ['x'], '\n']
drain(block(flow.LineBreak(slowlist(src), delimiter='\n')))
