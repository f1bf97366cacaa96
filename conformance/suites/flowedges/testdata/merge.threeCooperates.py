# flow edges: Merge of three branches that cooperate at different places,
# under flow.Deferred. When every branch is paused at once, Concurrent
# registers the controller for each branch's Cooperate: the flow is resumed
# at each of their timeouts, and every resumption polls every branch (a
# branch may run on before its own timeout).
def branch(name, pauses):
    for i in range(3):
        if i in pauses:
            print name, 'cooperates', pauses[i]
            yield flow.Cooperate(pauses[i])
        print name, 'gives', i
        yield '%s%d' % (name, i)
run(flow.Merge(branch('a', {0: 0.1}),
               branch('b', {1: 0.2}),
               branch('c', {0: 0.3, 2: 0.1})))
