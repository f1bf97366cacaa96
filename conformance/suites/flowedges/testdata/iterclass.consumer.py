# flow edges: an iterator class that consumes another stage (yield the
# stage, then read it), as test_flow's consumer does.
class Doubler:
    def __init__(self, src):
        self.src = flow.wrap(src)
    def __iter__(self):
        self.next = self.yield_src
        return self
    def yield_src(self):
        self.next = self.yield_value
        return self.src
    def yield_value(self):
        self.next = self.yield_src
        return self.src.next() * 2
drain(block(Doubler([1, flow.Cooperate(), 2, 3])))
run(Doubler(slowlist([4, 5])))
