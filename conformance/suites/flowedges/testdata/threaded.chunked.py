# flow edges: an iterable with a true 'chunked' attribute gives lists of
# values, which Threaded spreads out.
class Chunks:
    chunked = True
    def __init__(self):
        self.chunks = [[1, 2], [], [3]]
    def __iter__(self):
        return self
    def next(self):
        if not self.chunks:
            raise StopIteration
        return self.chunks.pop(0)
run(Threaded(Chunks()))
