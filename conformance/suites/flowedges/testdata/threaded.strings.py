# flow edges: Threaded over a string iterates its characters, as iter()
# does; so does a chunked source's chunk that is a string.
class Chunks:
    chunked = True
    def __init__(self, chunks):
        self.chunks = chunks
    def __iter__(self):
        return self
    def next(self):
        if not self.chunks:
            raise StopIteration
        return self.chunks.pop(0)
d = outcome(flow.Deferred(defer.DeferredList([
    outcome(flow.Deferred(Threaded('abc'))),
    outcome(flow.Deferred(Threaded(Chunks(['ab', '', 'c'])))),
])))
wait(d, 0.5)
