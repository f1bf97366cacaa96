# flow edges: Threaded runs a blocking iterator in a thread of the reactor's
# pool; its values arrive in order.
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
run(Threaded(Count(4)))
