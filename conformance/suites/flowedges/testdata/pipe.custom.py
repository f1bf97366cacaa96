# flow edges: a Pipe subclass of our own: process gets each batch of the
# source's results (possibly empty) and whether the source has stopped.
from twisted.flow.pipe import Pipe
class Upper(Pipe):
    def process(self, results, stop):
        print 'process', results, bool(stop)
        for r in results:
            self.results.append(r.upper())
src = ['a', 'b', flow.Cooperate(), 'c']
drain(block(Upper(src)))
run(Upper(slowlist(['x', 'y'])))
