# flow edges: a negative maxlength: the original never enforces maxlength;
# the port takes a negative one as no limit.
src = ['\n', 'a line longer than any limit\n', 'x\n']
drain(block(flow.LineBreak(slowlist(src), delimiter='\n', maxlength=-1)))
