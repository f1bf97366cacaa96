# flow edges: what wrap makes of strings, lists, tuples, callables,
# iterator classes and stages.
class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def next(self):
        if not self.n:
            raise StopIteration
        self.n -= 1
        return self.n
def genfunc():
    yield 'g'
    yield 'h'
stage = flow.wrap(['s'])
for src in ['str', '', ['l', 1], ('t', 2), (), genfunc, lambda: 'called',
            lambda: ['from', 'callable'], Count(3), stage]:
    drain(block(src))
print flow.wrap(stage) is stage
