# flow edges: Map with func None gives tuples, one-element tuples for a
# single input.
drain(block(flow.Map(None, [1, 2])))
drain(block(flow.Map(None, [1, 2], 'ab')))
