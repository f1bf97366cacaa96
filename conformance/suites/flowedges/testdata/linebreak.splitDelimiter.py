# flow edges: LineBreak looks for the delimiter within each chunk only: a
# '\r\n' split across two chunks is not seen, and ends up inside a line.
src = ['ab\r', '\ncd\r\n', 'ef\r\n']
drain(block(flow.LineBreak(slowlist(src))))
