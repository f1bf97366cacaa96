# flow edges: a Pipe subclass that passes on each non-empty batch of its
# source's results as one value; the batches kept by flow.Deferred stay as
# they were.
from twisted.flow.pipe import Pipe
class Batches(Pipe):
    def process(self, results, stop):
        if results:
            self.results.append(results)
run(Batches(slowlist([1, 2, 3])))
run(Batches(flow.Merge([1, 2], slowlist([3, 4]))))
print list(block(Batches(flow.Merge([1, 2], slowlist([3, 4])))))
