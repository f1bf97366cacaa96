# flow edges: a list's Cooperates pause the flow; a list stage runs on
# through them, so Block sleeps at each before giving the values.
drain(block([1, flow.Cooperate(0.5), 2, flow.Cooperate(), 3]))
run([1, flow.Cooperate(), 2])
