# flow edges: after a trapped failure the stage stops, even when its
# iterator could go on.
class Flaky:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def next(self):
        self.n += 1
        if self.n == 2:
            raise KeyError('once')
        if self.n > 4:
            raise StopIteration
        return self.n
drain(block(Flaky(), KeyError))
it = Flaky()
drain(block(it, KeyError))
print it.n
