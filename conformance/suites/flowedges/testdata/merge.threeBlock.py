# flow edges: Merge of three under Block: a paused branch is polled again
# in the next round, so its Cooperate is passed over while any other branch
# has results, and Block never sleeps.
def branch(name, pauses):
    for i in range(3):
        if i in pauses:
            yield flow.Cooperate(pauses[i])
        yield '%s%d' % (name, i)
drain(block(flow.Merge(branch('a', {1: 0.1}), branch('b', {}),
                       branch('c', {2: 0.3}))))
drain(block(flow.Merge(branch('a', {}), ['x', flow.Cooperate(0.2), 'y'])))
