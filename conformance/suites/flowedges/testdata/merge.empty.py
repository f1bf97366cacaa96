# flow edges: Merge with empty branches, and of nothing but empty ones.
drain(block(flow.Merge([], [1, 2], '')))
drain(block(flow.Merge([], ())))
run(flow.Merge([], [1]))
