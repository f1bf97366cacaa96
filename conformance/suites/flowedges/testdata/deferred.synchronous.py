# flow edges: a flow.Deferred over a source that never cooperates fires
# within its constructor; one that cooperates fires later, from the
# reactor.
d = outcome(flow.Deferred(['a', 'b']))
print 'called', bool(d.called)
d = outcome(flow.Deferred(['a', flow.Cooperate(), 'b']))
print 'called', bool(d.called)
wait(d)
print 'called', bool(d.called)
