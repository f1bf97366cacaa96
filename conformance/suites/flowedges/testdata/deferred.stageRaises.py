# flow edges (deviation): a stage of the user's own whose _yield raises
# after a wake-up, under flow.Deferred: the exception escapes into the
# reactor, which logs it, and the Deferred never fires.
class Raising(flow.Stage):
    def __init__(self):
        flow.Stage.__init__(self)
        self.calls = 0
    def _yield(self):
        self.calls += 1
        if self.calls == 2:
            raise KeyError('boom')
        return flow.Cooperate(0)
d = outcome(flow.Deferred(Raising()))
wait(d, 0.5)
