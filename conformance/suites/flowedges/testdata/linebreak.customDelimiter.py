# flow edges (deviation): a multi-character custom delimiter, one of them cut
# by the end of a block.
src = ['one||two|', '|three||', 'four||']
drain(block(flow.LineBreak(slowlist(src), delimiter='||')))
