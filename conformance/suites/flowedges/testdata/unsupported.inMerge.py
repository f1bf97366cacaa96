# flow edges (deviation): a Merge branch (a list) holding a stage, which
# Concurrent takes for an instruction it does not support. The original
# raises Unsupported from the Merge, whose constructor fails: a TypeError
# escapes Block, and the branch's value before it is lost.
inner = flow.wrap(['i'])
drain(block(flow.Merge(['a', inner, 'b'], [1, 2])))
