# flow edges (deviation): LineBreak looks for the delimiter within each
# chunk only: a '\r\n' split across two chunks is not seen, and ends up
# inside a line.
src = ['ab\r', '\ncd\r\n', 'ef\r\n']
drain(block(flow.LineBreak(slowlist(src))))
src = ['one\r', '', '\ntwo|', '|three||', '|']
drain(block(flow.LineBreak(slowlist(src), delimiter='||', trailer=True)))
