# flow edges: a multi-character custom delimiter.
src = ['one||two|', '|three||', 'four||']
drain(block(flow.LineBreak(slowlist(src), delimiter='||')))
