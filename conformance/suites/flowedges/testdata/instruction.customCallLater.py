# flow edges: a CallLater of our own: flow.Deferred hands it the callable
# that resumes the flow; inside a Merge it is handed over through
# Concurrent's instruction.
class Later(flow.CallLater):
    def __init__(self, delay):
        self.delay = delay
    def callLater(self, callable):
        print 'callLater', self.delay
        reactor.callLater(self.delay, callable)
def gen():
    yield 1
    yield Later(0.05)
    yield 2
def other():
    yield 'a'
    yield Later(0.1)
    yield 'b'
run(flow.Merge(gen(), other()))
