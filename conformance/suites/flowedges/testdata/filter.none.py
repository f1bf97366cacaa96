# flow edges: Filter with None keeps the true values: 0, '', [], (), None,
# False and 0.0 are dropped; [0], ' ' and -1 are kept.
src = [0, 1, '', 'a', [], [0], (), None, False, True, 0.0, ' ', -1]
drain(block(flow.Filter(None, slowlist(src))))
