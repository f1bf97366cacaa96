# flow edges: Map over two Callbacks pushed out of step: Map keeps its
# place between pushes, pairing values in order, and pads with None once
# one side has finished.
a = flow.Callback()
b = flow.Callback()
d = outcome(flow.Deferred(flow.Map(lambda x, y: (x, y), a, b)))
for label, push in [('a1', lambda: a.result('a1')), ('b1', lambda: b.result('b1')),
                    ('b2', lambda: b.result('b2')), ('b3', lambda: b.result('b3')),
                    ('a2', lambda: a.result('a2')), ('a.finish', a.finish),
                    ('b.finish', b.finish)]:
    print 'push', label
    push()
