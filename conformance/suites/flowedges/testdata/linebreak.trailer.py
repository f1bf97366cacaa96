# flow edges: with trailer=True the data after the last delimiter is the
# last line; a source ending on a delimiter has no trailer.
drain(block(flow.LineBreak(slowlist(['a\nb', 'c']), delimiter='\n',
                           trailer=True)))
drain(block(flow.LineBreak(slowlist(['a\nb\n']), delimiter='\n',
                           trailer=True)))
