# flow edges (deviation): a negative Cooperate under flow.Deferred. The
# reactor's callLater asserts that a delay is not negative: at the flow's
# first run the AssertionError escapes flow.Deferred; after a wake-up the
# reactor logs it, and the Deferred never fires.
try:
    outcome(flow.Deferred([1, flow.Cooperate(-1), 2]))
except Exception, e:
    raised(e)
d = outcome(flow.Deferred([1, flow.Cooperate(0), flow.Cooperate(-1), 2]))
wait(d, 0.5)
