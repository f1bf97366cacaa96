# flow edges (deviation): LineBreak accepts maxlength but never enforces it:
# a line longer than maxlength is given whole.
src = ['abc\n', 'a much longer line\n', 'ok\n']
drain(block(flow.LineBreak(slowlist(src), delimiter='\n', maxlength=5)))
